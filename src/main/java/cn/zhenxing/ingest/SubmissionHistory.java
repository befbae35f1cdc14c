package cn.zhenxing.ingest;

import cn.zhenxing.account.PortalUsers;
import cn.zhenxing.workbook.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A unit's submissions as the portal shows them: the statistician's history and the administrator's drill-down. */
@Component
public class SubmissionHistory {

    private final SubmissionStore store;
    private final PortalUsers users;

    SubmissionHistory(SubmissionStore store, PortalUsers users) {
        this.store = store;
        this.users = users;
    }

    /**
     * The unit's latest submissions, newest first, each with {@code uploader}: the portal user's name
     * for a web upload, else whom the CLI's {@code --by} named.
     */
    public List<Map<String, Object>> of(String unitCode) {
        Map<String, String> names = users.displayNames();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : store.history(unitCode)) {
            Map<String, Object> shown = new LinkedHashMap<>(row);
            String by = (String) row.get("submitted_by");
            shown.put("uploader", "web".equals(row.get("channel")) && names.containsKey(by) ? names.get(by) : by);
            rows.add(shown);
        }
        return rows;
    }

    /** The findings of one submission, in the order the checks reported them. */
    public List<Problem> problems(long submissionId) {
        return store.problems(submissionId);
    }
}
