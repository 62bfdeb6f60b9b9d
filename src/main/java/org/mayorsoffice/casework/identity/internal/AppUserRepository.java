package org.mayorsoffice.casework.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    @EntityGraph(attributePaths = {"roles", "member"})
    Optional<AppUser> findWithRolesByUsername(String username);

    @EntityGraph(attributePaths = {"roles", "member"})
    Optional<AppUser> findWithRolesById(Long id);

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    /** One page of users ordered by name; roles and members are fetched by {@link #findWithRolesByIdIn}. */
    /**
     * A successful sign-in: clears the failed attempts and any lock and records the time, in one statement without
     * the version check (two tabs signing in as the same user at once both succeed; no one's edit is lost).
     */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update AppUser u set u.failedAttempts = 0, u.lockedUntil = null, u.lastSignInAt = :now where u.id = :id")
    int recordSuccessfulSignIn(@org.springframework.data.repository.query.Param("id") long id,
            @org.springframework.data.repository.query.Param("now") java.time.Instant now);

    @Query("select u.id from AppUser u order by lower(u.displayName), u.id")
    Page<Long> findPageOfIds(Pageable pageable);

    @EntityGraph(attributePaths = {"roles", "member"})
    List<AppUser> findWithRolesByIdIn(List<Long> ids);
}
