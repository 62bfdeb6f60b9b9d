package org.mayorsoffice.casework.identity.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An area of executive responsibility (e.g. Housing) held by a member. */
@Entity
@Table(name = "portfolio")
class Portfolio {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    private Member member;

    private boolean active = true;

    @Version
    private long version;

    protected Portfolio() {}

    Portfolio(String name, String description, Member member) {
        this.name = name;
        this.description = description;
        this.member = member;
    }

    void update(String name, String description, Member member, boolean active) {
        this.name = name;
        this.description = description;
        this.member = member;
        this.active = active;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getDescription() {
        return description;
    }

    Member getMember() {
        return member;
    }

    boolean isActive() {
        return active;
    }

    long getVersion() {
        return version;
    }
}
