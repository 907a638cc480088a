package com.makeitright.triage.classify;

import com.makeitright.testing.LabeledExamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The language detector (stop words per language, in a resource file) and what triage does with a complaint not in English. */
class LanguagesTest {

    private final Languages languages = Languages.standard();
    private final Classifier classifier = new Classifier();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "de|Ich habe die Jacke vor zwei Wochen bestellt und sie ist immer noch nicht da. Bitte erstatten Sie mir das Geld.",
            "fr|Je suis très déçue, le colis est arrivé ouvert et il manque deux articles. Merci de me rembourser.",
            "es|El pedido llegó roto y nadie me contesta desde hace una semana. Quiero una solución para mi compra.",
            "it|Il tecnico non si è mai presentato e ho perso una giornata di lavoro per niente. Sono molto arrabbiato.",
            "nl|Mijn bestelling is nog steeds niet geleverd en ik heb al twee keer gebeld. Ik wil graag mijn geld terug.",
            "pt|O produto chegou com defeito e ainda não recebi nenhuma resposta. Quero o meu dinheiro de volta.",
            "pl|Zamówienie jest uszkodzone i nikt nie odpowiada na moje wiadomości. Proszę o zwrot pieniędzy.",
            "sv|Jag har väntat i tre veckor på min beställning och ingen svarar. Det är inte okej.",
            "und-Cyrillic|Заказ пришёл разбитым, и никто не отвечает на мои письма уже неделю.",
            "en|The parcel arrived open and two items were missing. Could you send them, merci beaucoup?"})
    void tellsTheLanguageFromItsStopWords(String code, String description) {
        assertThat(languages.detect(new Text(description)).code()).isEqualTo(code);
    }

    @Test
    void everyLabeledExampleAndTheBlindSetAreEnglish() throws Exception {
        for (LabeledExamples.Example example : LabeledExamples.all()) {
            assertThat(languages.detect(new Text(example.complaint().description())).code())
                    .as(example.id()).isEqualTo("en");
        }
        for (ModelTrainer.Example example : ModelTrainer.load("blind-test-C")) {
            assertThat(languages.detect(new Text(example.text().description())).code()).as(example.id()).isEqualTo("en");
        }
    }

    @Test
    void aComplaintInGermanIsMarkedForAPersonWithItsLanguage() {
        Classification c = classifier.classify(Texts.email("Jacke", "Ich habe die Jacke vor zwei Wochen bestellt und sie ist"
                + " immer noch nicht da. Das ist eine Frechheit, bitte erstatten Sie mir das Geld."), History.NONE);

        assertThat(c.language()).isEqualTo("de");
        assertThat(c.english()).isFalse();
        assertThat(c.reviewNeeded()).isTrue();
        assertThat(c.reviewReasons()).anySatisfy(r -> assertThat(r).startsWith("Written in German (de)"));
    }

    @Test
    void theFileIsCheckedWhenRead() {
        assertThatThrownBy(() -> Languages.parse("de\tGerman\n")).hasMessageContaining("stopwords.tsv:1");
        assertThatThrownBy(() -> Languages.parse("de\tGerman\tder die das\n")).hasMessageContaining("English");
    }
}
