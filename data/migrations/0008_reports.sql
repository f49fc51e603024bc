-- Indexes for the dashboard and the Excel report (no tables of their own).
-- Won revenue by period sums amounts from the index alone, and deals whose
-- protection ends soon are found without reading every approved deal.
CREATE INDEX deals_state_closed_amount ON deals(state, closed_on, amount);
CREATE INDEX deals_state_protected ON deals(state, protected_until);
