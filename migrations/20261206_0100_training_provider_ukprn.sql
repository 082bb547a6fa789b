-- Training providers set up by an operator (`pathways provider create`) carry their UK Provider
-- Reference Number (UKPRN: eight digits, from the UK Register of Learning Providers), which the ILR
-- and the funding rules identify a provider by. Optional (a provider may be set up before it is
-- known), one provider per number, and only on organisations of kind 'provider'. Additive; PostgreSQL 15.
ALTER TABLE organisations ADD COLUMN ukprn text NULL
  CHECK (ukprn ~ '^[0-9]{8}$');
ALTER TABLE organisations ADD CONSTRAINT organisations_ukprn_of_provider CHECK (ukprn IS NULL OR kind = 'provider');
CREATE UNIQUE INDEX organisations_ukprn_idx ON organisations (ukprn) WHERE ukprn IS NOT NULL;
