package org.mayorsoffice.casework.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.shared.web.PageView;

class PageViewTest {

    @Test
    void showsFirstLastAndNeighboursWithEllipses() {
        PageView<String> page = PageView.of(List.of("a"), 5, 10, 100, n -> "/x?page=" + (n + 1));
        assertThat(page.items()).extracting(i -> i.ellipsis() ? "…" : String.valueOf(i.number()))
                .containsExactly("1", "…", "5", "6", "7", "…", "10");
        assertThat(page.items().stream().filter(PageView.Item::current).findFirst().orElseThrow().number()).isEqualTo(6);
        assertThat(page.previousHref()).isEqualTo("/x?page=5");
        assertThat(page.nextHref()).isEqualTo("/x?page=7");
    }

    @Test
    void firstAndLastPagesHaveNoPreviousOrNext() {
        assertThat(PageView.of(List.of(), 0, 3, 30, n -> "/p" + n).hasPrevious()).isFalse();
        assertThat(PageView.of(List.of(), 2, 3, 30, n -> "/p" + n).hasNext()).isFalse();
    }

    @Test
    void pageSizeIsCappedAtTheHardMaximum() {
        assertThat(PageView.clampSize(10_000, 25)).isEqualTo(PageView.MAX_PAGE_SIZE);
        assertThat(PageView.clampSize(0, 25)).isEqualTo(25);
    }
}
