-- 0009 perf: indexes found with EXPLAIN QUERY PLAN over dataset L.
-- A fund's balance sums its ledger by bucket without a sort.
CREATE INDEX mdf_ledger_fund_bucket ON mdf_ledger(fund_id, bucket, amount);
-- MDF ROI sums the deals attributed to each activity: without this it
-- scanned every won deal per activity (over 2 minutes on dataset L; 0.1 s with it).
CREATE INDEX deals_mdf_request ON deals(mdf_request_id, state, amount);
-- Per-partner won revenue in a window, covering: the report's tier sheet
-- used deals_won_window (state, closed_on, partner_id, amount) for its
-- correlated subquery, i.e. every won deal per partner (8.3 s on dataset L;
-- 30 ms with this). It has deals_partner_state's columns as its prefix,
-- so that one goes.
CREATE INDEX deals_partner_won ON deals(partner_id, state, closed_on, amount);
DROP INDEX deals_partner_state;
