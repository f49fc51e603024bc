-- 0009 perf: indexes found with EXPLAIN QUERY PLAN over dataset L.
-- A fund's balance sums its ledger by bucket without a sort.
CREATE INDEX mdf_ledger_fund_bucket ON mdf_ledger(fund_id, bucket, amount);
