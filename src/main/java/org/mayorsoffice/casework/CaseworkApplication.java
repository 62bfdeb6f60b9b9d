package org.mayorsoffice.casework;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class CaseworkApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaseworkApplication.class, args);
    }
}
