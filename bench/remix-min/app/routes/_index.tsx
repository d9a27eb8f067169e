import { useLoaderData } from "@remix-run/react";
import Database from "better-sqlite3";

// One route reading one row of the benchmark's database (DATA_DIR), as the smallest real page does.
const db = new Database(`${process.env.DATA_DIR}/iso-xa.db`, { readonly: true });
const one = db.prepare("SELECT id, name FROM units WHERE id = 1");

export function loader() {
  return one.get() as { id: number; name: string };
}

export default function Index() {
  const unit = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{unit.name}</h1>
      <p>{unit.id}</p>
    </main>
  );
}
