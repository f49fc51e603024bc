-- 0009 perf: indexes found with EXPLAIN QUERY PLAN over dataset L.
-- A fund's balance sums its ledger by bucket without a sort.
CREATE INDEX mdf_ledger_fund_bucket ON mdf_ledger(fund_id, bucket, amount);
-- MDF ROI sums the deals attributed to each activity: without this it
-- scanned every won deal per activity (over 2 minutes on dataset L; 0.1 s with it).
CREATE INDEX deals_mdf_request ON deals(mdf_request_id, state, amount);
