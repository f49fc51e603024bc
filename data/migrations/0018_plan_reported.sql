-- 0018 reported plan actuals: a partner may report a quarter's actual as
-- 0, which the actual alone cannot tell from "nothing reported yet", so
-- the figure stayed due forever. reported_qN = 1 marks a quarter whose
-- actual was entered (by the manager or from a returned kit), 0 included;
-- clearing the figure un-marks it. Before this, only a figure above 0
-- could have been reported, so that is what the existing rows get.
ALTER TABLE plan_objectives ADD COLUMN reported_q1 INTEGER NOT NULL DEFAULT 0 CHECK (reported_q1 IN (0, 1));
ALTER TABLE plan_objectives ADD COLUMN reported_q2 INTEGER NOT NULL DEFAULT 0 CHECK (reported_q2 IN (0, 1));
ALTER TABLE plan_objectives ADD COLUMN reported_q3 INTEGER NOT NULL DEFAULT 0 CHECK (reported_q3 IN (0, 1));
ALTER TABLE plan_objectives ADD COLUMN reported_q4 INTEGER NOT NULL DEFAULT 0 CHECK (reported_q4 IN (0, 1));
UPDATE plan_objectives SET reported_q1 = (actual_q1 > 0), reported_q2 = (actual_q2 > 0),
	reported_q3 = (actual_q3 > 0), reported_q4 = (actual_q4 > 0)
WHERE actual_q1 > 0 OR actual_q2 > 0 OR actual_q3 > 0 OR actual_q4 > 0;
