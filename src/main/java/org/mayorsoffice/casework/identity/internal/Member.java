package org.mayorsoffice.casework.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.mayorsoffice.casework.identity.MemberOffice;

/** The Mayor, a deputy mayor or a cabinet member. */
@Entity
@Table(name = "member")
class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "full_name")
    private String fullName;

    @Enumerated(EnumType.STRING)
    private MemberOffice office;

    private String email;

    private boolean active = true;

    @Version
    private long version;

    protected Member() {}

    Member(String fullName, MemberOffice office, String email) {
        this.fullName = fullName;
        this.office = office;
        this.email = email;
    }

    void update(String fullName, MemberOffice office, String email, boolean active) {
        this.fullName = fullName;
        this.office = office;
        this.email = email;
        this.active = active;
    }

    Long getId() {
        return id;
    }

    String getFullName() {
        return fullName;
    }

    MemberOffice getOffice() {
        return office;
    }

    String getEmail() {
        return email;
    }

    boolean isActive() {
        return active;
    }

    long getVersion() {
        return version;
    }
}
