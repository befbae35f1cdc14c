package cn.zhenxing.bulk;

import java.util.ArrayList;
import java.util.List;

/** Error messages (capped) and counts of one sheet. */
final class LoadErrors {
    static final int MAX_MESSAGES = 1000;

    final List<String> messages = new ArrayList<>();
    int count;
    long dataRows;

    void add(String messageZh) {
        count++;
        if (messages.size() < MAX_MESSAGES) {
            messages.add(messageZh);
        } else if (messages.size() == MAX_MESSAGES) {
            messages.add("……错误过多，仅列出前" + MAX_MESSAGES + "条。");
        }
    }
}
