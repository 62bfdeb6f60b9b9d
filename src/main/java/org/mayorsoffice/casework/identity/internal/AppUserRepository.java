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
    @Query("select u.id from AppUser u order by lower(u.displayName), u.id")
    Page<Long> findPageOfIds(Pageable pageable);

    @EntityGraph(attributePaths = {"roles", "member"})
    List<AppUser> findWithRolesByIdIn(List<Long> ids);
}
