package cn.zhenxing.warehouse;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps Spring Batch from opening the database at start-up. Batch's
 * JobRegistrySmartInitializingSingleton is exempt from lazy initialisation and instantiates every
 * Job (hence the JobRepository and the DataSource) before any command runs, so even {@code --help}
 * would start the embedded MariaDB. Zhenxing injects its jobs where it launches them and never looks
 * them up by name, so the registry filler is removed.
 */
@Configuration(proxyBeanMethods = false)
class LazyBatchConfiguration {

    @Bean
    static BeanDefinitionRegistryPostProcessor removeEagerJobRegistryFiller() {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                // auto-configuration is registered after user configuration: act in the next phase
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
                if (beanFactory instanceof BeanDefinitionRegistry registry
                        && registry.containsBeanDefinition("jobRegistrySmartInitializingSingleton")) {
                    registry.removeBeanDefinition("jobRegistrySmartInitializingSingleton");
                }
            }
        };
    }
}
