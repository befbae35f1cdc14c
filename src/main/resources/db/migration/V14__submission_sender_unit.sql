-- The unit a channel vouches for (a portal upload: the statistician's own unit). A file that could not
-- be identified as a form (damaged, foreign, another unit's) has no unit_key; with this column it
-- still shows in its sender's history and its feedback stays downloadable by them.
ALTER TABLE ops_submission
  ADD COLUMN sender_unit_code VARCHAR(12) NULL COMMENT 'unit the channel vouches for (portal: the uploader''s unit); NULL for CLI and inbox';
