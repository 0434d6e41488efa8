"""Sentences as staff write them in the forum, and what the guard does with each.

Every identity number here is invented: valid dates and check digits
computed for these tests (is_valid_identity_number checks them), nobody's.
"""

import pytest

from privacy.guard import inspect, is_valid_identity_number

BLOCK, WARN, PASS = "block", "warn", "pass"

SENTENCES = [
    # Identity and coordination numbers, in every spelling
    ("Mammans personnummer är 850709-1232, hon vill ha stöd av oss.", BLOCK),
    ("Anmälan gäller en äldre man, 850709+1232, som bor hos sonen.", BLOCK),
    ("Flickan med personnummer 100315 4562 har bytt skola.", BLOCK),
    ("Pojken (1003154562) går i årskurs 3 på skolan.", BLOCK),
    ("I orosanmälan stod 20100315-4562 som barnets nummer.", BLOCK),
    ("Kan någon slå upp 199001012385 åt mig i verksamhetssystemet?", BLOCK),
    ("Kvinnan har samordningsnummer 850275-1236 och väntar på uppehållstillstånd.", BLOCK),
    ("Samordningsnummer 920161-2224, hon kom till Sverige i våras.", BLOCK),
    ("Barnet 040289-3333 placerades akut i helgen.", BLOCK),
    ("Ungdomen, 070612-4567, söker stöd på ungdomsmottagningen.", BLOCK),
    ("Ärendet om 751224–1113 (klistrat från Word) ska upp i nämnden.", BLOCK),
    ("Kontrollera 19630205 4447 innan mötet med skolan.", BLOCK),
    ("Testpersonen 121212-1212 i utbildningsmiljön syns i exemplet.", BLOCK),
    # Ten digits without separators that make a valid date and check digit count as an identity number
    ("Numret 0709876544 står på lappen.", BLOCK),
    # Private contact details warn
    ("Ring mig på 070-123 45 67 så pratar vi om gruppen.", WARN),
    ("Mamman mejlade från anna.svensson@gmail.com i går kväll.", WARN),
    ("Pappan har nummer +46 70 123 45 67 men svarar sällan.", WARN),
    ("Pojkens morbror ringer från 073-987 65 43 flera gånger om dagen.", WARN),
    ("Hon har fått nytt nummer: 0709876543.", WARN),
    ("Skicka kallelsen till kalle.karlsson@hotmail.com, skrev han.", WARN),
    ("Mormor nås på 018-12 34 56 på kvällarna.", WARN),
    ("Ring mig på 08-123 45 67 efter klockan fem.", WARN),
    ("Elevens mamma har 076-555 12 34, hon vill bli kontaktad av kuratorn.", WARN),
    ("Ungdomen skrev från lisa_2009@yahoo.se till fritidsgården.", WARN),
    ("Storebror har ett utländskt nummer, +358 40 123 4567.", WARN),
    ("Pappan ringer från 0046 70 123 45 67 när han är utomlands.", WARN),
    ("Jag nås på (08) 123 45 67 under kampanjmånaden.", WARN),
    ("Fråga gärna på info@bris.se om materialet.", WARN),
    ("Kuratorn sa att flickan mejlat från flicka.2010@outlook.com.", WARN),
    # Public support lines never trigger
    ("Ring 020-50 50 50 om du behöver prata med någon.", PASS),
    ("Kvinnofridslinjen 020-50 50 50 har öppet dygnet runt.", PASS),
    ("Tipsa om Kvinnofridslinjen, 020-505050.", PASS),
    ("BRIS 116 111 finns för barn och unga.", PASS),
    ("Brottsofferjouren nås på 116 006.", PASS),
    ("Ring 112 om någon är i akut fara.", PASS),
    ("Polisen 114 14 tar emot anmälan om hedersrelaterat våld.", PASS),
    ("1177 Vårdguiden ger råd om vård dygnet runt.", PASS),
    ("Från utlandet nås Vårdguiden på 0771-11 77 00.", PASS),
    ("Stödlinjen för spelare har 020-81 91 00.", PASS),
    ("Hänvisa till 020-50 50 50 eller 112 vid hedersrelaterat våld.", PASS),
    # Diary numbers, organisation numbers, addresses
    ("Beslutet har Dnr SN 2026/123.", PASS),
    ("Se protokollet KS 2025/0456 från kommunstyrelsen.", PASS),
    ("Ärendet diarieförs som 2026-12345.", PASS),
    ("Föreningens org.nr 212000-0142 står på fakturan.", PASS),
    ("Skicka posten till Box 2, 177 80 Järfälla.", PASS),
    ("Sollentuna kommun, 191 86 Sollentuna.", PASS),
    ("Sundbybergs stad, 172 92 Sundbyberg.", PASS),
    # Dates, times, weeks and years
    ("Nätverksmötet är 2026-11-26 kl 13.00 i stadshuset.", PASS),
    ("Kampanjmånaden pågår 2026-11-01 – 2026-11-30.", PASS),
    ("Anmäl dig senast 26/11 till föreläsningen.", PASS),
    ("Föreläsningen om våld i ungas relationer hålls 1 november 2026.", PASS),
    ("Vi ses vecka 47 på fritidsgården.", PASS),
    ("Mötet pågår 09.00–12.00 med lunch efteråt.", PASS),
    ("Ungdomsmottagningen har drop-in kl 15-18 och öppet vardagar 08-16.", PASS),
    ("Terminen börjar 2026-08-17 och slutar 2026-12-18.", PASS),
    ("Under 2024 träffade vi 21 barn i 4 grupper.", PASS),
    # Sums, percentages, laws and reports
    ("Utbildningen kostar 12 500 kr per deltagare.", PASS),
    ("Projektet fick 1 200 000 kr för tre år.", PASS),
    ("Andelen elever som sökte stöd ökade med 20 procent.", PASS),
    ("Enligt 5 kap. 11 § socialtjänstlagen (2001:453) ska nämnden verka för stöd.", PASS),
    ("BRÅ:s rapport 2024:5 visar fler anmälningar.", PASS),
    ("Gruppen är för barn 0-12 år och unga 13-25 år.", PASS),
    ("Handboken version 2.1, sidan 12-14, beskriver samtalen.", PASS),
    # Addresses at the municipalities and the region
    ("Kontakta oss på vald@jarfalla.se.", PASS),
    ("Frågor om kampanjen till kampanj@upplandsvasby.se eller samordnare@upplands-bro.se.", PASS),
    ("Barnahus nås via barnahus@regionstockholm.se.", PASS),
    ("Skolkuratorn nås på kurator@skola.sigtuna.se.", PASS),
    ("Samordnaren nås via kommunens växel, fråga efter våldsmottagningen.", PASS),
]


def outcome(text):
    inspection = inspect(text)
    return BLOCK if inspection.blocked else WARN if inspection else PASS


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_the_guard_blocks_warns_or_lets_the_sentence_pass(sentence, expected):
    assert outcome(sentence) == expected


def test_there_are_enough_sentences_of_every_kind():
    assert len(SENTENCES) >= 60
    assert {expected for _sentence, expected in SENTENCES} == {BLOCK, WARN, PASS}


@pytest.mark.parametrize("sentence", [sentence for sentence, expected in SENTENCES if expected == BLOCK])
def test_messages_about_identity_numbers_never_show_the_last_four_digits(sentence):
    for finding in inspect(sentence).blocking:
        number = sentence[finding.start : finding.end]
        assert is_valid_identity_number(number)
        assert number not in finding.message
        assert finding.masked.endswith("****")
