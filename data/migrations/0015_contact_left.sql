-- 0015 contacts who left: a person the partner marks as gone in its
-- returned kit is kept, with the day ChannelDesk learnt it, instead of
-- being deleted, so the timeline and certifications still name them;
-- kits and e-mail drafts leave them out.
ALTER TABLE contacts ADD COLUMN left_on TEXT NOT NULL DEFAULT '';
