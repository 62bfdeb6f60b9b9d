package org.mayorsoffice.casework.identity.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MemberRepository extends JpaRepository<Member, Long> {

    /** Members are a few dozen at most: the Mayor, deputies and the cabinet. */
    @Query("select m from Member m order by m.office, lower(m.fullName)")
    List<Member> findAllOrdered();

    boolean existsByFullNameIgnoreCase(String fullName);

    boolean existsByFullNameIgnoreCaseAndIdNot(String fullName, Long id);
}
