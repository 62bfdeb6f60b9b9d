package org.mayorsoffice.casework.search.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mayorsoffice.casework.shared.cache.ReferenceCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How common the words of a search are in a table, from PostgreSQL's own column statistics (the most common elements
 * of each {@code search_vector}, kept by ANALYZE), so that a large office can read a common word's newest matches in
 * order (2-4 ms at 1,000,000 cases) instead of building a bitmap of all of its matches (10-35 ms), without
 * planning every search for its words (4-5 ms of planning per statement). For words that come together ("council
 * tax", "school place", "fly-tipping") the planner's own estimate, which multiplies their frequencies as if they were
 * unrelated, is a hundred times too low. {@link #scanRows} says how far to read in order; when that read found some
 * but not enough (the newest rows unlike the rest), {@link #widerScan} says how much further to read, and the caller
 * searches the usual way when the reads did not find enough (words that are each common but seldom together), so the
 * cost of a wrong guess is bounded.
 */
@Component
class CommonWords {

    /** A word in at least 1 % of the rows is common, as one of several words. */
    static final double COMMON = 0.01;

    /**
     * A word searched alone is read in order from 1.5 % of the rows: below that its bitmap is cheaper than reading
     * the rows that hold its first matches (measured at 1,000,000 cases and 2,800,000 letters).
     */
    static final double COMMON_ALONE = 0.015;

    /** The most rows read in order before searching the usual way (about 20 ms at worst). */
    static final int MAX_SCAN = 30_000;

    private static final List<String> TABLES = List.of("casework_case", "correspondence_item");

    private final JdbcClient jdbc;
    private final ReferenceCache<Map<String, Map<String, Double>>> frequencies;

    /** {@code ttl}: how long the frequencies are kept (ANALYZE changes them as the tables grow; tests read them each time). */
    CommonWords(JdbcClient jdbc, @Value("${casework.search.common-words-ttl:PT10M}") Duration ttl) {
        this.jdbc = jdbc;
        this.frequencies = new ReferenceCache<>(this::load, ttl);
    }

    private Map<String, Map<String, Double>> load() {
        Map<String, Map<String, Double>> byTable = new HashMap<>();
        TABLES.forEach(t -> byTable.put(t, new HashMap<>()));
        jdbc.sql("""
                select s.tablename, e.word, e.freq
                  from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) e(word, freq)
                 where s.schemaname = current_schema() and s.attname = 'search_vector' and s.tablename in (:tables)
                   and e.word is not null and e.freq >= :common""")
                .param("tables", TABLES).param("common", COMMON)
                .query(rs -> {
                    byTable.get(rs.getString(1)).put(rs.getString(2), rs.getDouble(3));
                });
        return byTable;
    }

    /**
     * The words of the text as they are matched (stemmed, stop words left out), when the search asks for every one of
     * them; an empty list for a search with "or" or an excluded word.
     */
    List<String> words(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        String[] words = jdbc.sql("""
                select case when querytree(websearch_to_tsquery('english', :q)) ~ '[|!]' then null
                            else tsvector_to_array(to_tsvector('english', :q)) end""")
                .param("q", text).query((rs, n) -> {
                    java.sql.Array array = rs.getArray(1);
                    return array == null ? new String[0] : (String[]) array.getArray();
                }).single();
        return Arrays.asList(words);
    }

    /**
     * How many rows of the table to read in order to find {@code wanted} matches of every one of these words, at most
     * {@link #MAX_SCAN}; 0 (use the index) unless every word is common. Enough if the words come together at least a
     * third as often among the newest rows as the least common of them appears in the whole table. The read stops as
     * soon as it has found them, so the margin costs nothing when the words are as common there as anywhere; it is
     * for the newest rows being unlike the rest (the correspondence triage inbox: the newest 2,000 letters of the
     * 1,000,000-case office, with a tenth of the words: a margin of half again sent "damp" and "noise" to the index,
     * 80 ms under load).
     */
    int scanRows(String table, List<String> words, int wanted) {
        if (words.isEmpty()) {
            return 0;
        }
        Map<String, Double> common = frequencies.get().getOrDefault(table, Map.of());
        double least = 1;
        for (String word : words) {
            Double frequency = common.get(word);
            if (frequency == null) {
                return 0;
            }
            least = Math.min(least, frequency);
        }
        if (words.size() == 1 && least < COMMON_ALONE) {
            return 0;
        }
        return (int) Math.min(MAX_SCAN, Math.ceil(3 * wanted / least));
    }

    /**
     * How many rows to read in order after a read of {@code scan} rows found only {@code matched} of the {@code wanted}
     * matches: the rows that rate needs, with half again as margin, when that is at most
     * {@link #MAX_SCAN}; otherwise 0 (search through the index). The newest rows can be unlike the rest: the 1,000,000-case
     * office's newest 2,000 letters are its unanswered post, in few words, so a short read of "noise" found too few
     * there although one letter in seven mentions it, and the index then read all 380,000 of them (50-60 ms). None
     * found says the words seldom come together; {@code wanted} or more found means the read stopped early on matches
     * the user may not see (the index read, with the confidentiality rule in it, is for that).
     */
    static int widerScan(int scan, long matched, int wanted) {
        if (matched <= 0 || matched >= wanted) {
            return 0;
        }
        double rows = Math.ceil(1.5 * wanted * scan / matched);
        return rows > MAX_SCAN ? 0 : (int) rows;
    }
}
