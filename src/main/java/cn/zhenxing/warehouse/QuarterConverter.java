package cn.zhenxing.warehouse;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Binds a request parameter or path variable such as {@code 2025Q3} to a {@link Quarter}; anything else is a 400. */
@Component
public class QuarterConverter implements Converter<String, Quarter> {

    @Override
    public Quarter convert(String source) {
        return Quarter.parse(source);
    }
}
