package org.mayorsoffice.casework;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CaseworkApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaseworkApplication.class, args);
    }
}
