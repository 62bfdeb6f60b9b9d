package org.mayorsoffice.casework.identity.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PortfolioRepository extends JpaRepository<Portfolio, Long> {

    /** Portfolios are a handful (one per cabinet member): a bounded list. */
    @Query("select p from Portfolio p left join fetch p.member order by lower(p.name)")
    List<Portfolio> findAllWithMember();

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);
}
