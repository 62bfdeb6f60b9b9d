package org.mayorsoffice.casework.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mayorsoffice.casework.people.PersonBuilder.aResident;
import static org.mayorsoffice.casework.people.PersonBuilder.anOrganisation;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.people.internal.MergeFill;
import org.mayorsoffice.casework.people.internal.PersonEnums.ConsentMethod;
import org.mayorsoffice.casework.people.internal.PersonEnums.PersonKind;
import org.mayorsoffice.casework.people.internal.PersonEnums.PreferredContact;
import org.mayorsoffice.casework.people.internal.PersonNames;
import org.mayorsoffice.casework.people.internal.PersonRules;
import org.mayorsoffice.casework.people.internal.PersonRules.Problem;
import org.mayorsoffice.casework.people.internal.PersonViews.PersonData;
import org.mayorsoffice.casework.people.internal.Postcodes;
import org.mayorsoffice.casework.people.internal.WardSuggestions;

/** The directory's pure rules: postcodes, names, record rules, ward suggestions and merge filling. */
class PersonRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    @Test
    void postcodesAreCheckedAndStoredInOneForm() {
        assertThat(Postcodes.normalise(" e16an ")).isEqualTo("E1 6AN");
        assertThat(Postcodes.normalise("E1W 1aa")).isEqualTo("E1W 1AA");
        assertThat(Postcodes.normalise("sw1a0aa")).isEqualTo("SW1A 0AA");
        assertThat(Postcodes.normalise("  ")).isNull();
        assertThat(Postcodes.isValid("E14 5AB")).isTrue();
        assertThat(Postcodes.isValid("E1 6A")).isFalse();
        assertThat(Postcodes.isValid("NOT A POSTCODE")).isFalse();
        assertThat(Postcodes.isValid("12345")).isFalse();
        assertThat(Postcodes.district("e1w 1aa")).isEqualTo("E1W");
        assertThat(Postcodes.district("nonsense")).isNull();
        assertThat("e1 6an").matches(Postcodes.FORM_PATTERN);
        assertThat("").matches(Postcodes.FORM_PATTERN);
        assertThat("E1 6A").doesNotMatch(Postcodes.FORM_PATTERN);
    }

    @Test
    void postcodeSearchTellsDistrictsFromLongerOnes() {
        assertThat(Postcodes.searchPattern("e1")).isEqualTo("E1 %");
        assertThat(Postcodes.searchPattern("E14")).isEqualTo("E14 %");
        assertThat(Postcodes.searchPattern("e1 6")).isEqualTo("E1 6%");
        assertThat(Postcodes.searchPattern("e16an")).isEqualTo("E1 6AN");
        assertThat(Postcodes.searchPattern("smith")).isNull();
    }

    @Test
    void wardsAreSuggestedOnlyForKnownTowerHamletsDistricts() {
        assertThat(WardSuggestions.wardNameFor("E1 6AN")).contains("Whitechapel");
        assertThat(WardSuggestions.wardNameFor("e1w 2aa")).contains("St Katharine's & Wapping");
        assertThat(WardSuggestions.wardNameFor("E14 9XX")).contains("Poplar");
        assertThat(WardSuggestions.wardNameFor("N1 9GU")).isEmpty();
        assertThat(WardSuggestions.wardNameFor(null)).isEmpty();
    }

    @Test
    void namesReadNaturallyForEachKind() {
        assertThat(PersonNames.display(PersonKind.RESIDENT, "Ms", "Jane", "Smith", null)).isEqualTo("Ms Jane Smith");
        assertThat(PersonNames.display(PersonKind.MP, null, "Hannah", "Whitcombe", "House of Commons"))
                .isEqualTo("Hannah Whitcombe MP, House of Commons");
        assertThat(PersonNames.display(PersonKind.ORGANISATION, null, "Nadia", "Rahman", "Food Bank"))
                .isEqualTo("Food Bank (contact: Nadia Rahman)");
        assertThat(PersonNames.display(PersonKind.ORGANISATION, null, null, null, "Food Bank")).isEqualTo("Food Bank");
        assertThat(PersonNames.display(PersonKind.RESIDENT, "Dr", null, null, null)).isEqualTo("Unnamed");
    }

    @Test
    void aPersonNeedsALastNameAndAnOrganisationItsName() {
        assertThat(PersonRules.problems(aResident("Jane", null).build(), TODAY))
                .containsExactly(new Problem("lastName", "Enter a last name, or an organisation name"));
        assertThat(PersonRules.problems(anOrganisation(null).build(), TODAY))
                .containsExactly(new Problem("organisationName", "Enter the name of the organisation"));
        assertThat(PersonRules.problems(anOrganisation("Food Bank").build(), TODAY)).isEmpty();
        assertThat(PersonRules.problems(aResident(null, "Smith").build(), TODAY)).isEmpty();
    }

    @Test
    void thePreferredWayToContactThemMustBeRecorded() {
        PersonData byEmail = with(aResident("Jane", "Smith").build(), PreferredContact.EMAIL);
        assertThat(PersonRules.problems(byEmail, TODAY)).extracting(Problem::field).containsExactly("email");
        PersonData byLetter = with(aResident("Jane", "Smith").postcode("E1 6AN").build(), PreferredContact.LETTER);
        assertThat(PersonRules.problems(byLetter, TODAY)).extracting(Problem::field).containsExactly("addressLine1");
        PersonData byPhone = with(aResident("Jane", "Smith").phone("020 7946 0000").build(), PreferredContact.PHONE);
        assertThat(PersonRules.problems(byPhone, TODAY)).isEmpty();
    }

    @Test
    void consentNeedsAPastDateAndHowItWasGiven() {
        PersonData noDetails = aResident("Jane", "Smith").consented(null, null).build();
        assertThat(PersonRules.problems(noDetails, TODAY)).extracting(Problem::field)
                .containsExactly("consentDate", "consentMethod");
        PersonData future = aResident("Jane", "Smith").consented(TODAY.plusDays(1), ConsentMethod.VERBAL).build();
        assertThat(PersonRules.problems(future, TODAY)).extracting(Problem::message)
                .containsExactly("Date consent was given must be today or in the past");
        assertThat(PersonRules.problems(aResident("Jane", "Smith").consented(TODAY, ConsentMethod.EMAIL).build(), TODAY)).isEmpty();
    }

    @Test
    void mergingFillsOnlyTheBlanksOfTheKeptRecord() {
        PersonData kept = aResident("Jane", "Smith").address("1 Larkspur Street", "E1 6AN").notes("Needs large print").build();
        PersonData duplicate = aResident("Janet", "Smyth").email("jane@example.org").phone("020 7946 0001")
                .address("9 Other Road", "E3 2AA").ward(7L).notes("Hard of hearing")
                .consented(LocalDate.of(2025, 5, 1), ConsentMethod.IN_WRITING).build();

        PersonData merged = MergeFill.fill(kept, duplicate);

        assertThat(merged.firstName()).isEqualTo("Jane");
        assertThat(merged.lastName()).isEqualTo("Smith");
        assertThat(merged.email()).isEqualTo("jane@example.org");
        assertThat(merged.phone()).isEqualTo("020 7946 0001");
        assertThat(merged.addressLine1()).as("addresses are never mixed").isEqualTo("1 Larkspur Street");
        assertThat(merged.postcode()).isEqualTo("E1 6AN");
        assertThat(merged.wardId()).isEqualTo(7L);
        assertThat(merged.accessibilityNotes()).isEqualTo("Needs large print\n\nHard of hearing");
        assertThat(merged.consentToShare()).isTrue();
        assertThat(merged.consentMethod()).isEqualTo(ConsentMethod.IN_WRITING);
        assertThat(merged.consentDate()).isEqualTo(LocalDate.of(2025, 5, 1));

        PersonData noAddress = aResident("Jane", "Smith").build();
        assertThat(MergeFill.fill(noAddress, duplicate).addressLine1()).isEqualTo("9 Other Road");
        assertThat(MergeFill.fill(noAddress, duplicate).postcode()).isEqualTo("E3 2AA");
    }

    private static PersonData with(PersonData d, PreferredContact contact) {
        return new PersonData(d.kind(), d.title(), d.firstName(), d.lastName(), d.organisationName(), d.email(), d.phone(),
                d.mobile(), d.addressLine1(), d.addressLine2(), d.town(), d.postcode(), d.wardId(), contact,
                d.preferredLanguage(), d.accessibilityNotes(), d.consentToShare(), d.consentDate(), d.consentMethod());
    }
}
