package cn.zhenxing.ingest;

/** One received file as recorded (ops_submission), with its unit and period codes once identified. */
public record Submission(long id, Status status, Integer version, long errorCount, long warningCount, String feedbackPath,
                         String fileName, boolean late, String fileFormat, String unitCode, String periodCode) {

    /** ops_submission.status. */
    public enum Status {
        RECEIVED("received"), ACCEPTED("accepted"), SUPERSEDED("superseded"), REJECTED("rejected");

        private final String db;

        Status(String db) {
            this.db = db;
        }

        public String db() {
            return db;
        }

        public static Status of(String db) {
            for (Status s : values()) {
                if (s.db.equals(db)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown submission status " + db);
        }

        /** Not decided yet: staged at most. */
        public boolean undecided() {
            return this == RECEIVED;
        }

        /** Accepted, whether still the current version or superseded by a later one since. */
        public boolean wasAccepted() {
            return this == ACCEPTED || this == SUPERSEDED;
        }
    }
}
