package cn.zhenxing.samples;

import cn.zhenxing.bulk.MonitoringFiles;
import cn.zhenxing.bulk.MonitoringForm;
import cn.zhenxing.bulk.MonitoringIngest;
import cn.zhenxing.bulk.MonitoringSamples;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Filled monitoring forms of a unit for some months ({@code samples monitoring}, the demo): every point of
 * the unit on every sampled day (water sections once a month, air stations daily), with deterministic,
 * plausible readings that pass every check ({@link MonitoringSamples}).
 */
@Component
public class MonitoringSampleGenerator {

    private final MonitoringIngest monitoring;
    private final MonitoringFiles files;

    public MonitoringSampleGenerator(MonitoringIngest monitoring, MonitoringFiles files) {
        this.monitoring = monitoring;
        this.files = files;
    }

    /** One workbook per month and form (all forms when {@code formCodes} is empty) for which the unit has points. */
    public List<MonitoringFiles.Written> generate(String unit, List<YearMonth> months, List<String> formCodes, Path dir) throws IOException {
        List<MonitoringFiles.Written> written = new ArrayList<>();
        for (YearMonth month : months) {
            for (MonitoringForm form : files.forms(formCodes)) {
                Map<String, String> points = monitoring.pointNames(unit, form.pointKind());
                if (!points.isEmpty()) {
                    MonitoringSamples samples = MonitoringSamples.month(form, points, month);
                    written.add(files.write(form, unit, month, samples.iterator(), samples.rows(), dir, null));
                }
            }
        }
        return written;
    }
}
