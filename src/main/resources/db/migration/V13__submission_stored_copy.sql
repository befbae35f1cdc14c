-- A portal upload is kept under a random name; file_name is the name the submitter gave the file (as
-- for the CLI and the inbox), and stored_path says where the received bytes are kept.
ALTER TABLE ops_submission ADD COLUMN stored_path VARCHAR(500) NULL
  COMMENT 'portal uploads: where the received bytes are kept (file_name is the submitter''s name for the file)' AFTER file_name;
