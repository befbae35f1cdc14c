package cn.zhenxing.review;

/** A review action the rules or the actor's authority do not allow; the message says why in Chinese. */
public class ReviewRefusedException extends RuntimeException {

    public ReviewRefusedException(String messageZh) {
        super(messageZh);
    }
}
