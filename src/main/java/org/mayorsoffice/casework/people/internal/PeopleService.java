package org.mayorsoffice.casework.people.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.organisation.OrganisationApi;
import org.mayorsoffice.casework.organisation.OrganisationApi.Named;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.people.PeopleMerged;
import org.mayorsoffice.casework.people.internal.PersonEnums.PersonKind;
import org.mayorsoffice.casework.people.internal.PersonEnums.PreferredContact;
import org.mayorsoffice.casework.people.internal.PersonRules.Problem;
import org.mayorsoffice.casework.people.internal.PersonViews.Created;
import org.mayorsoffice.casework.people.internal.PersonViews.Merged;
import org.mayorsoffice.casework.people.internal.PersonViews.PersonData;
import org.mayorsoffice.casework.people.internal.PersonViews.PersonDetail;
import org.mayorsoffice.casework.people.internal.PersonViews.PersonRow;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.Option;
import org.mayorsoffice.casework.shared.web.PageView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people directory: list and search, add (with a duplicate check), change, and merge a
 * duplicate into the record to keep. Lists and search read with plain SQL against the indexes in
 * V3; changes go through the {@link Person} entity for optimistic locking.
 *
 * <p>Ward suggestion: when a new person is added without a ward and their postcode district is one
 * {@link WardSuggestions} knows, they get that ward and the page says so, so the user can change
 * it. Edits never guess a ward.
 */
@Service
@Transactional(readOnly = true)
public class PeopleService implements PeopleApi {

    public static final int PAGE_SIZE = 25;

    /** Sensitive notes never go into the audit trail; only that they changed. */
    private static final String NOTES_WITHHELD = "(sensitive notes: not shown)";

    private static final String COLUMNS =
            "p.id, p.kind, p.title, p.first_name, p.last_name, p.organisation_name, p.email, p.postcode, p.ward_id";

    /** The list order, backed by person_sort_idx. */
    private static final String ORDER =
            " order by lower(coalesce(p.last_name, p.organisation_name)), lower(coalesce(p.first_name, '')), p.id";

    /** The expression of person_name_trgm_idx, so LIKE '%...%' uses the trigram index. */
    private static final String NAME_EXPRESSION = "lower(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')"
            + " || ' ' || coalesce(p.organisation_name, ''))";

    private final PersonRepository persons;
    private final JdbcClient jdbc;
    private final OrganisationApi organisation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PeopleService(PersonRepository persons, JdbcClient jdbc, OrganisationApi organisation,
            ApplicationEventPublisher events, Clock clock) {
        this.persons = persons;
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- lists and search

    /** One page of the directory, optionally filtered: three queries (count, page, wards) whatever the page. */
    public PageView<PersonRow> page(String query, int pageNumber) {
        Filter filter = Filter.of(query);
        String from = " from person p where p.merged_into_id is null" + filter.sql();
        long total = jdbc.sql("select count(*)" + from).params(filter.params()).query(Long.class).single();
        int totalPages = (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.max(0, Math.min(pageNumber, totalPages - 1));
        List<Listed> listed = jdbc.sql("select " + COLUMNS + from + ORDER + " limit :limit offset :offset")
                .params(filter.params())
                .param("limit", PAGE_SIZE)
                .param("offset", number * PAGE_SIZE)
                .query(PeopleService::listed)
                .list();
        Map<Long, String> wards = wardNames();
        List<PersonRow> rows = listed.stream().map(l -> l.row(wards)).toList();
        String base = filter.isEmpty() ? "/people?" : "/people?q=" + URLEncoder.encode(query.strip(), StandardCharsets.UTF_8) + "&";
        return PageView.of(rows, number, totalPages, total, n -> base + "page=" + (n + 1));
    }

    @Override
    public Optional<PersonSummary> summary(long id) {
        return jdbc.sql("select " + COLUMNS + " from person p where p.merged_into_id is null"
                        + " and p.id = (select coalesce(m.merged_into_id, m.id) from person m where m.id = :id)")
                .param("id", id)
                .query(PeopleService::listed)
                .optional()
                .map(l -> l.summary(wardNames()));
    }

    @Override
    public List<PersonSummary> summaries(Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<Long> asked = ids.stream().filter(Objects::nonNull).distinct().toList();
        Map<Long, Listed> byAskedId = jdbc.sql("select m.id as asked_id, " + COLUMNS
                        + " from person m join person p on p.id = coalesce(m.merged_into_id, m.id)"
                        + " where m.id in (:ids) and p.merged_into_id is null")
                .param("ids", asked)
                .query((rs, n) -> Map.entry(rs.getLong("asked_id"), listed(rs, n)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<Long, String> wards = wardNames();
        Map<Long, PersonSummary> result = new LinkedHashMap<>();
        for (Long id : asked) {
            Listed l = byAskedId.get(id);
            if (l != null) {
                result.putIfAbsent(l.id(), l.summary(wards));
            }
        }
        return List.copyOf(result.values());
    }

    @Override
    public List<PersonSummary> search(String text, int limit) {
        Filter filter = Filter.of(text);
        if (filter.isEmpty()) {
            return List.of();
        }
        Map<Long, String> wards = wardNames();
        return jdbc.sql("select " + COLUMNS + " from person p where p.merged_into_id is null" + filter.sql() + ORDER + " limit :limit")
                .params(filter.params())
                .param("limit", Math.max(1, Math.min(limit, MAX_SEARCH_RESULTS)))
                .query(PeopleService::listed)
                .list()
                .stream()
                .map(l -> l.summary(wards))
                .toList();
    }

    /**
     * People who may be the same as the one being entered: the same email (any case), or the same
     * last name and postcode. {@code excludeId} leaves out the record being changed.
     */
    public List<PersonRow> possibleDuplicates(String email, String lastName, String postcode, Long excludeId) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (email != null && !email.isBlank()) {
            conditions.add("lower(p.email) = :email");
            params.put("email", email.strip().toLowerCase(Locale.ROOT));
        }
        if (lastName != null && !lastName.isBlank() && Postcodes.isValid(postcode)) {
            conditions.add("(lower(p.last_name) = :lastName and p.postcode = :postcode)");
            params.put("lastName", lastName.strip().toLowerCase(Locale.ROOT));
            params.put("postcode", Postcodes.normalise(postcode));
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        String sql = "select " + COLUMNS + " from person p where p.merged_into_id is null and ("
                + String.join(" or ", conditions) + ")";
        if (excludeId != null) {
            sql += " and p.id <> :excludeId";
            params.put("excludeId", excludeId);
        }
        List<Listed> listed = jdbc.sql(sql + ORDER + " limit 10").params(params).query(PeopleService::listed).list();
        Map<Long, String> wards = wardNames();
        return listed.stream().map(l -> l.row(wards)).toList();
    }

    /** The council's wards for a select. */
    public List<Option> wardOptions() {
        return organisation.wardOptions();
    }

    /** The ward {@link WardSuggestions} suggests for a postcode, if it is one of the council's wards. */
    public Optional<Named> suggestedWard(String postcode) {
        return WardSuggestions.wardNameFor(postcode).flatMap(name -> organisation.wards().stream()
                .filter(w -> w.name().equalsIgnoreCase(name))
                .findFirst());
    }

    /** Today in the office's time zone, for rules about dates. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public PersonDetail get(long id) {
        Person p = persons.findById(id).orElseThrow(() -> new NotFoundException("Person"));
        String wardName = p.getWardId() == null ? null : organisation.ward(p.getWardId()).map(Named::name).orElse(null);
        return new PersonDetail(p.getId(), p.getKind(), p.getTitle(), p.getFirstName(), p.getLastName(),
                p.getOrganisationName(), p.displayName(), p.getEmail(), p.getPhone(), p.getMobile(), p.getAddressLine1(),
                p.getAddressLine2(), p.getTown(), p.getPostcode(), p.getWardId(), wardName, p.getPreferredContact(),
                p.getPreferredLanguage(), p.getAccessibilityNotes(), p.isConsentToShare(), p.getConsentDate(),
                p.getConsentMethod(), p.getMergedIntoId(), p.getCreatedAt(), p.getCreatedBy(), p.getVersion());
    }

    @Override
    public Optional<Correspondent> correspondent(long id) {
        return jdbc.sql("select p.id, p.kind, p.title, p.first_name, p.last_name, p.organisation_name, p.address_line1,"
                        + " p.address_line2, p.town, p.postcode, p.email from person p where p.merged_into_id is null"
                        + " and p.id = (select coalesce(m.merged_into_id, m.id) from person m where m.id = :id)")
                .param("id", id)
                .query((rs, n) -> {
                    PersonKind kind = PersonKind.valueOf(rs.getString(2));
                    String title = rs.getString(3);
                    String first = rs.getString(4);
                    String last = rs.getString(5);
                    String organisation = rs.getString(6);
                    String display = PersonNames.display(kind, title, first, last, organisation);
                    String salutation = last == null ? (organisation == null ? display : organisation)
                            : title != null ? title + " " + last : (first == null ? last : first + " " + last);
                    List<String> lines = java.util.stream.Stream.of(rs.getString(7), rs.getString(8), rs.getString(9))
                            .filter(l -> l != null && !l.isBlank()).toList();
                    return new Correspondent(rs.getLong(1), display, salutation, lines, rs.getString(10), rs.getString(11));
                })
                .optional();
    }

    @Override
    public Optional<ContactPreferences> contactPreferences(long id) {
        return jdbc.sql("select p.preferred_contact, p.preferred_language from person p where p.merged_into_id is null"
                        + " and p.id = (select coalesce(m.merged_into_id, m.id) from person m where m.id = :id)")
                .param("id", id)
                .query((rs, n) -> {
                    PreferredContact method = rs.getString(1) == null ? PreferredContact.NO_PREFERENCE
                            : PreferredContact.valueOf(rs.getString(1));
                    String language = rs.getString(2);
                    return new ContactPreferences(method.name(), method.label(),
                            language == null || language.isBlank() ? null : language.strip());
                })
                .optional();
    }

    @Override
    public List<PersonSummary> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        Map<Long, String> wards = wardNames();
        return jdbc.sql("select " + COLUMNS + " from person p where p.merged_into_id is null"
                        + " and lower(p.email) = lower(:email) order by p.id limit 5")
                .param("email", email.strip())
                .query(PeopleService::listed)
                .list().stream().map(l -> l.summary(wards)).toList();
    }

    @Override
    @Transactional
    public long addFromCorrespondence(String name, String email, String actor) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new RuleViolationException("name", "Enter the writer's name");
        }
        int space = clean.lastIndexOf(' ');
        String first = space > 0 ? clean.substring(0, space) : null;
        String last = space > 0 ? clean.substring(space + 1) : clean;
        return create(new PersonData(PersonKind.RESIDENT, null, first, last, null, emailOrNull(email), null, null, null,
                null, null, null, null, PreferredContact.NO_PREFERENCE, null, null, false, null, null), actor).id();
    }

    @Override
    public List<PersonSummary> colleagues(long personId, int limit) {
        Map<Long, String> wards = wardNames();
        return jdbc.sql("select " + COLUMNS + " from person p join person me on me.id = :id"
                        + " where p.merged_into_id is null and p.id <> me.id and me.organisation_name is not null"
                        + " and lower(p.organisation_name) = lower(me.organisation_name)" + ORDER + " limit :limit")
                .param("id", personId)
                .param("limit", Math.max(1, Math.min(limit, MAX_SEARCH_RESULTS)))
                .query(PeopleService::listed)
                .list().stream().map(l -> l.summary(wards)).toList();
    }

    private static String emailOrNull(String email) {
        return email == null || email.isBlank() ? null : email.strip();
    }

    // ---------------------------------------------------------------- changes

    @Transactional
    public Created create(PersonData input, String actor) {
        PersonData data = check(clean(input));
        String suggestedWard = null;
        if (data.wardId() == null) {
            Optional<Named> ward = suggestedWard(data.postcode());
            if (ward.isPresent()) {
                data = withWard(data, ward.get().id());
                suggestedWard = ward.get().name();
            }
        }
        Person person = new Person(actor);
        apply(person, data);
        persons.save(person);
        events.publishEvent(AuditEntry.of(actor, "person.created", "person", person.getId())
                .change("kind", null, data.kind())
                .change("name", null, person.displayName())
                .change("email", null, data.email())
                .change("postcode", null, data.postcode())
                .change("ward", null, wardName(data.wardId()))
                .change("accessibilityNotes", null, data.accessibilityNotes() == null ? null : NOTES_WITHHELD)
                .change("consentToShare", null, data.consentToShare())
                .build());
        return new Created(person.getId(), person.displayName(), suggestedWard);
    }

    @Transactional
    public void update(long id, PersonData input, long version, String actor) {
        Person p = persons.findById(id).orElseThrow(() -> new NotFoundException("Person"));
        if (p.getMergedIntoId() != null) {
            throw new RuleViolationException(null, "This record has been merged into another record, so it cannot be changed."
                    + " Change the record it was merged into instead.");
        }
        if (p.getVersion() != version) {
            throw new ConcurrentEditException("person", p.getVersion());
        }
        PersonData data = check(clean(input));
        AuditEntry.Builder audit = AuditEntry.of(actor, "person.updated", "person", id);
        auditChanges(audit, p, data);
        apply(p, data);
        if (audit.hasChanges()) {
            events.publishEvent(audit.build());
        }
    }

    /**
     * Merges the duplicate into the record to keep: the duplicate is hidden from lists and search
     * (and anything merged into it now points at the kept record), blank fields on the kept record
     * are filled from the duplicate (the address only as a whole, when the kept record has none;
     * consent only when the kept record has none; sensitive notes are combined), and
     * {@link PeopleMerged} is published in this transaction so other modules move their links.
     */
    @Transactional
    public Merged merge(long keptId, long duplicateId, long keptVersion, long duplicateVersion, String actor) {
        Person kept = persons.findById(keptId).orElseThrow(() -> new NotFoundException("Person"));
        if (kept.getMergedIntoId() != null) {
            throw new RuleViolationException(null, "This record has itself been merged into another record."
                    + " Merge duplicates into the record it was merged into instead.");
        }
        if (keptId == duplicateId) {
            throw new RuleViolationException("duplicateId", "Select a different record: a record cannot be merged into itself");
        }
        Person duplicate = persons.findById(duplicateId)
                .orElseThrow(() -> new RuleViolationException("duplicateId", "Select the duplicate record from the list"));
        if (duplicate.getMergedIntoId() != null) {
            throw new RuleViolationException("duplicateId", "That record has already been merged into another record");
        }
        if (kept.getVersion() != keptVersion || duplicate.getVersion() != duplicateVersion) {
            throw new ConcurrentEditException("person", kept.getVersion());
        }
        String keptName = kept.displayName();
        String mergedName = duplicate.displayName();
        String detail = "Person " + duplicateId + " (" + mergedName + ") merged into person " + keptId + " (" + keptName + ")";

        PersonData filled = MergeFill.fill(snapshot(kept), snapshot(duplicate));
        AuditEntry.Builder audit = AuditEntry.of(actor, "person.merged", "person", keptId).detail(detail);
        List<String> filledFields = auditChanges(audit, kept, filled);
        apply(kept, filled);
        duplicate.mergeInto(keptId);
        persons.flush();
        jdbc.sql("update person set merged_into_id = :kept, version = version + 1 where merged_into_id = :duplicate")
                .param("kept", keptId).param("duplicate", duplicateId).update();

        events.publishEvent(audit.build());
        events.publishEvent(AuditEntry.of(actor, "person.merged", "person", duplicateId).detail(detail)
                .change("mergedInto", null, keptId).build());
        events.publishEvent(new PeopleMerged(keptId, duplicateId, actor));
        return new Merged(keptName, mergedName, filledFields);
    }

    // ---------------------------------------------------------------- helpers

    private PersonData check(PersonData data) {
        if (data.kind() == null) {
            throw new RuleViolationException("kind", "Select who they are");
        }
        if (data.postcode() != null && !Postcodes.isValid(data.postcode())) {
            throw new RuleViolationException("postcode", "Enter a real postcode, like E1 6AN");
        }
        List<Problem> problems = PersonRules.problems(data, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems.get(0).field(), problems.get(0).message());
        }
        if (data.wardId() != null && organisation.ward(data.wardId()).isEmpty()) {
            throw new RuleViolationException("wardId", "Select a ward from the list");
        }
        return data;
    }

    /** Trimmed, blanks as null, postcode normalised, consent details only with consent. */
    static PersonData clean(PersonData d) {
        boolean consent = d.consentToShare();
        return new PersonData(d.kind(), blankToNull(d.title()), blankToNull(d.firstName()), blankToNull(d.lastName()),
                blankToNull(d.organisationName()), blankToNull(d.email()), blankToNull(d.phone()), blankToNull(d.mobile()),
                blankToNull(d.addressLine1()), blankToNull(d.addressLine2()), blankToNull(d.town()),
                Postcodes.normalise(d.postcode()), d.wardId(),
                d.preferredContact() == null ? PreferredContact.NO_PREFERENCE : d.preferredContact(),
                blankToNull(d.preferredLanguage()), blankToNull(d.accessibilityNotes()), consent,
                consent ? d.consentDate() : null, consent ? d.consentMethod() : null);
    }

    private static PersonData withWard(PersonData d, Long wardId) {
        return new PersonData(d.kind(), d.title(), d.firstName(), d.lastName(), d.organisationName(), d.email(), d.phone(),
                d.mobile(), d.addressLine1(), d.addressLine2(), d.town(), d.postcode(), wardId, d.preferredContact(),
                d.preferredLanguage(), d.accessibilityNotes(), d.consentToShare(), d.consentDate(), d.consentMethod());
    }

    private static PersonData snapshot(Person p) {
        return new PersonData(p.getKind(), p.getTitle(), p.getFirstName(), p.getLastName(), p.getOrganisationName(),
                p.getEmail(), p.getPhone(), p.getMobile(), p.getAddressLine1(), p.getAddressLine2(), p.getTown(),
                p.getPostcode(), p.getWardId(), p.getPreferredContact(), p.getPreferredLanguage(),
                p.getAccessibilityNotes(), p.isConsentToShare(), p.getConsentDate(), p.getConsentMethod());
    }

    private static void apply(Person p, PersonData d) {
        p.update(d.kind(), d.title(), d.firstName(), d.lastName(), d.organisationName(), d.email(), d.phone(), d.mobile(),
                d.addressLine1(), d.addressLine2(), d.town(), d.postcode(), d.wardId(), d.preferredContact(),
                d.preferredLanguage(), d.accessibilityNotes(), d.consentToShare(), d.consentDate(), d.consentMethod());
    }

    /** Adds one audit change per field that differs; returns the labels of the fields that changed. */
    private List<String> auditChanges(AuditEntry.Builder audit, Person p, PersonData d) {
        List<String> changed = new ArrayList<>();
        change(audit, changed, "kind", "type", p.getKind(), d.kind());
        change(audit, changed, "title", "title", p.getTitle(), d.title());
        change(audit, changed, "firstName", "first name", p.getFirstName(), d.firstName());
        change(audit, changed, "lastName", "last name", p.getLastName(), d.lastName());
        change(audit, changed, "organisationName", "organisation", p.getOrganisationName(), d.organisationName());
        change(audit, changed, "email", "email", p.getEmail(), d.email());
        change(audit, changed, "phone", "phone", p.getPhone(), d.phone());
        change(audit, changed, "mobile", "mobile", p.getMobile(), d.mobile());
        change(audit, changed, "addressLine1", "address", p.getAddressLine1(), d.addressLine1());
        change(audit, changed, "addressLine2", "address", p.getAddressLine2(), d.addressLine2());
        change(audit, changed, "town", "address", p.getTown(), d.town());
        change(audit, changed, "postcode", "postcode", p.getPostcode(), d.postcode());
        if (!Objects.equals(p.getWardId(), d.wardId())) {
            change(audit, changed, "ward", "ward", wardName(p.getWardId()), wardName(d.wardId()));
        }
        change(audit, changed, "preferredContact", "preferred contact", p.getPreferredContact(), d.preferredContact());
        change(audit, changed, "preferredLanguage", "preferred language", p.getPreferredLanguage(), d.preferredLanguage());
        if (!Objects.equals(p.getAccessibilityNotes(), d.accessibilityNotes())) {
            audit.change("accessibilityNotes", p.getAccessibilityNotes() == null ? null : NOTES_WITHHELD,
                    d.accessibilityNotes() == null ? null : NOTES_WITHHELD + " (updated)");
            changed.add("accessibility notes");
        }
        change(audit, changed, "consentToShare", "consent", p.isConsentToShare(), d.consentToShare());
        change(audit, changed, "consentDate", "consent", p.getConsentDate(), d.consentDate());
        change(audit, changed, "consentMethod", "consent", p.getConsentMethod(), d.consentMethod());
        return List.copyOf(new LinkedHashSet<>(changed));
    }

    private static void change(AuditEntry.Builder audit, List<String> changed, String field, String label, Object before,
            Object after) {
        if (!Objects.equals(before, after)) {
            audit.change(field, before, after);
            changed.add(label);
        }
    }

    private String wardName(Long wardId) {
        return wardId == null ? null : organisation.ward(wardId).map(Named::name).orElse(String.valueOf(wardId));
    }

    /** All ward names by id: wards are few, and one query serves a whole page. */
    private Map<Long, String> wardNames() {
        return organisation.wards().stream().collect(Collectors.toMap(Named::id, Named::name, (a, b) -> a));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Listed listed(ResultSet rs, int rowNum) throws SQLException {
        long wardId = rs.getLong("ward_id");
        return new Listed(rs.getLong("id"), PersonKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("organisation_name"),
                rs.getString("email"), rs.getString("postcode"), rs.wasNull() ? null : wardId);
    }

    /** The columns lists read. */
    private record Listed(long id, PersonKind kind, String title, String firstName, String lastName,
            String organisationName, String email, String postcode, Long wardId) {

        String displayName() {
            return PersonNames.display(kind, title, firstName, lastName, organisationName);
        }

        PersonRow row(Map<Long, String> wards) {
            return new PersonRow(id, displayName(), kind.label(), postcode, email, wardId == null ? null : wards.get(wardId));
        }

        PersonSummary summary(Map<Long, String> wards) {
            return new PersonSummary(id, displayName(), postcode, email, wardId == null ? null : wards.get(wardId));
        }
    }

    /**
     * What a search box's text matches: any part of the name (trigram index), the start of an email
     * address, a postcode or district, or a phone number by its digits.
     */
    record Filter(String sql, Map<String, Object> params) {

        private static final int MAX_LENGTH = 100;

        static Filter of(String text) {
            if (text == null || text.isBlank()) {
                return new Filter("", Map.of());
            }
            String q = text.strip();
            if (q.length() > MAX_LENGTH) {
                q = q.substring(0, MAX_LENGTH);
            }
            String lower = q.toLowerCase(Locale.ROOT);
            List<String> conditions = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            conditions.add(NAME_EXPRESSION + " like :name");
            params.put("name", "%" + String.join("%", escapeLike(lower).split("\\s+")) + "%");
            if (!lower.contains(" ")) {
                conditions.add("lower(p.email) like :email");
                params.put("email", escapeLike(lower) + "%");
            }
            String postcode = Postcodes.searchPattern(q);
            if (postcode != null) {
                conditions.add("p.postcode like :postcode");
                params.put("postcode", postcode);
            }
            List<String> phones = phoneDigits(q);
            if (!phones.isEmpty()) {
                conditions.add("regexp_replace(p.phone, '[^0-9]', '', 'g') in (:phones)");
                conditions.add("regexp_replace(p.mobile, '[^0-9]', '', 'g') in (:phones)");
                params.put("phones", phones);
            }
            return new Filter(" and (" + String.join(" or ", conditions) + ")", params);
        }

        boolean isEmpty() {
            return sql.isEmpty();
        }

        /** "020 7946 0123" and "+44 20 7946 0123" both match a number stored either way. */
        static List<String> phoneDigits(String text) {
            if (!text.matches("^[+0-9 ()-]+$")) {
                return List.of();
            }
            String digits = text.replaceAll("[^0-9]", "");
            if (digits.length() < 6) {
                return List.of();
            }
            List<String> variants = new ArrayList<>(List.of(digits));
            if (digits.startsWith("44") && digits.length() > 10) {
                variants.add("0" + digits.substring(2));
            } else if (digits.startsWith("0")) {
                variants.add("44" + digits.substring(1));
            }
            return variants;
        }

        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
