-- A leader's signed acknowledgement is a record: nobody (admin, migration script, a bug) may edit or delete it.
-- Self-contained: only triggers on ca_signatures, which 0002 creates.
CREATE TRIGGER ca_signatures_no_update BEFORE UPDATE ON ca_signatures
BEGIN
  SELECT RAISE(ABORT, 'ca_signatures is append-only: a signed acknowledgement cannot be changed');
END;--> statement-breakpoint
CREATE TRIGGER ca_signatures_no_delete BEFORE DELETE ON ca_signatures
BEGIN
  SELECT RAISE(ABORT, 'ca_signatures is append-only: a signed acknowledgement cannot be deleted');
END;
