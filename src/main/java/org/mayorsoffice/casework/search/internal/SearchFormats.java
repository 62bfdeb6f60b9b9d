package org.mayorsoffice.casework.search.internal;

import java.time.format.DateTimeFormatter;

final class SearchFormats {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private SearchFormats() {}
}
