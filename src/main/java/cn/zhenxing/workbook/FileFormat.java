package cn.zhenxing.workbook;

/** What a received file really is, judged by its content, never by its name. */
public enum FileFormat {
    XLSX(null, null),
    XLS(null, null),
    XLSM("文件含有宏（.xlsm 或启用宏的工作簿），为安全起见不予接收。", "请在Excel中“另存为”普通的Excel工作簿(.xlsx)后重新报送。"),
    ENCRYPTED("文件设置了打开密码（已加密），系统无法读取。", "请取消密码保护（文件→信息→保护工作簿→用密码进行加密，清空密码）后重新报送。"),
    HTML("这是网页(HTML)格式的文件，只是扩展名改成了.xls，并不是真正的Excel文件。", "请用Excel打开后“另存为”Excel工作簿(.xlsx)再报送。"),
    TEXT("这是文本/CSV格式的文件，不是Excel工作簿。", "请使用省里下发的Excel模板填写，并保存为.xlsx后报送。"),
    ZIP_BOMB("文件解压后体积异常（疑似“压缩炸弹”），为保护系统已拒收。", "请用省里下发的模板重新填写后报送。"),
    EMPTY("文件是空的（0字节）。", "请检查是否上传了正确的文件。"),
    CORRUPT("文件已损坏或含有报表不允许的内容，无法读取（可能是下载或复制中断）。", "请在系统下载的本期模板中重新填写，保存后报送整个文件。"),
    UNKNOWN("无法识别的文件格式，不是Excel工作簿。", "请使用省里下发的Excel模板(.xlsx)填写后报送。");

    private final String problemZh;
    private final String fixZh;

    FileFormat(String problemZh, String fixZh) {
        this.problemZh = problemZh;
        this.fixZh = fixZh;
    }

    public boolean readable() {
        return problemZh == null;
    }

    /** Why the file is refused, for the submitter. */
    public String problemZh() {
        return problemZh;
    }

    /** What to do about it. */
    public String fixZh() {
        return fixZh;
    }

    /** Why and what to do, in one sentence pair (where there is no separate fix column). */
    public String refusalZh() {
        return problemZh == null ? null : problemZh + fixZh;
    }
}
