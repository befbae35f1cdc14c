package cn.zhenxing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadsTest {

    @Test
    void uploadedFileNamesAreSanitised() {
        assertThat(Uploads.displayName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Uploads.displayName("C:\\Users\\张三\\长治市季报.xlsx")).isEqualTo("长治市季报.xlsx");
        assertThat(Uploads.displayName("..")).isEqualTo("upload.xlsx");
        assertThat(Uploads.storedName("长治 市/季报.xlsx")).doesNotContain("/", " ").endsWith("长治_市_季报.xlsx");
    }
}
