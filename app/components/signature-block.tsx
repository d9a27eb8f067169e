/** A signature as Decree 30 writes it: the capacity line (if any), the title, then the name, each on its own line. */
export function SignatureBlock({ block, name }: { block: { capacity?: string; title: string }; name: string }) {
  return (
    <span className="signature-block">
      {block.capacity ? <strong>{block.capacity.toUpperCase()}</strong> : null}
      <strong>{block.title.toUpperCase()}</strong>
      <span>{name}</span>
    </span>
  );
}
