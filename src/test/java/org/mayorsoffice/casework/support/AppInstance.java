package org.mayorsoffice.casework.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mayorsoffice.casework.CaseworkApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * One more running copy of the whole application, as deployed (default profile, demo data, a real port),
 * on a database of the test's choosing: a second instance behind a load balancer, the application on a
 * restored backup, or on a database the test stops and starts. Test-only configuration classes on the class
 * path are left out, so it sees only what production would.
 */
public final class AppInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AppInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the application on this database (user postgres, no password) with these extra properties. */
    public static AppInstance start(String jdbcUrl, Map<String, String> properties) {
        return start(jdbcUrl, "postgres", "", properties);
    }

    /** Starts the application on this database with these credentials and extra properties (name to value). */
    public static AppInstance start(String jdbcUrl, String username, String password, Map<String, String> properties) {
        TestMail.server();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password,
                "--spring.docker.compose.enabled=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMail.smtpPort(),
                "--spring.jmx.enabled=false",
                "--logging.level.org.springframework=WARN",
                "--logging.level.org.hibernate=WARN",
                "--logging.level.com.zaxxer=WARN"));
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CaseworkApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("leaveOutTestClasses", new LeaveOutTestClasses()))
                .run(args.toArray(String[]::new));
        return new AppInstance(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Leaves classes compiled from src/test out of component scanning (as @SpringBootTest does). */
    private static final class LeaveOutTestClasses extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LeaveOutTestClasses;
        }

        @Override
        public int hashCode() {
            return LeaveOutTestClasses.class.hashCode();
        }
    }
}
