package cn.zhenxing.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rule book is read once per process, and the received forms and the warehouse audit share it. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    Auditor auditor() {
        return new Auditor(RuleBook.load());
    }
}
