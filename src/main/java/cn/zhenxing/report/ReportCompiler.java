package cn.zhenxing.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build step (exec-maven-plugin, process-classes): compiles every {@code reports/*.jrxml} into a
 * {@code .jasper} on the class path, so no report is ever compiled at run time.
 */
public final class ReportCompiler {

    private ReportCompiler() {
    }

    public static void main(String[] args) throws IOException, JRException {
        Path source = Path.of(args[0]);
        Path target = Files.createDirectories(Path.of(args[1]));
        List<Path> designs;
        try (Stream<Path> files = Files.list(source)) {
            designs = files.filter(f -> f.getFileName().toString().endsWith(".jrxml")).sorted().toList();
        }
        for (Path design : designs) {
            String name = design.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper");
            JasperCompileManager.compileReportToFile(design.toString(), target.resolve(name).toString());
            System.out.println("[reports] compiled " + design.getFileName() + " -> " + target.resolve(name));
        }
    }
}
