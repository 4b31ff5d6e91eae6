"""Postman dynamic variables (`{{$guid}}`, `{{$randomFirstName}}`, …) → fresh string values.

Only the mapping "Postman name → how to ask faker for it" lives here; the fake data itself
comes from the faker library. faker is slow to import, so it is loaded lazily the first
time a name needs it and the `Faker` instance is built once; the common names ($guid,
$timestamp, $isoTimestamp, $randomUUID, $randomInt) use the standard library only.

Postman spells booleans the JavaScript way (`true`/`false`) and every value is text, so
every generator returns `str`.
"""

from __future__ import annotations

import functools
import random
import string
import threading
import time
import uuid
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # pragma: no cover - typing only; importing faker at run time is slow
    from faker import Faker

__all__ = ["dynamic_names", "dynamic_value", "is_dynamic"]

_faker: Faker | None = None
_faker_lock = threading.Lock()


def _fk() -> Faker:
    """The one shared Faker instance, built on first use so start-up never pays for it."""
    global _faker
    if _faker is None:
        with _faker_lock:
            if _faker is None:
                from faker import Faker

                _faker = Faker("en_US")
    return _faker


def _provider(fk: Faker, module: str) -> object:
    """faker's provider object whose module starts with `module`, to reach its word lists."""
    for provider in fk.get_providers():
        if type(provider).__module__.startswith(module):
            return provider
    raise LookupError(module)  # pragma: no cover - faker always ships these providers


# --- stdlib-only values ------------------------------------------------------------------


def _uuid() -> str:
    return str(uuid.uuid4())


def _timestamp() -> str:
    return str(int(time.time()))


def _iso_timestamp() -> str:
    """Postman's shape: UTC, milliseconds, `Z` suffix (what JavaScript's toISOString gives)."""
    now = datetime.now(timezone.utc)
    return now.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _random_int() -> str:
    return str(random.randint(0, 1000))


_STDLIB: dict[str, Callable[[], str]] = {
    "$guid": _uuid,
    "$randomUUID": _uuid,
    "$timestamp": _timestamp,
    "$isoTimestamp": _iso_timestamp,
    "$randomInt": _random_int,
}


# --- helpers composing faker primitives where faker has no direct equivalent ---------------


def _js_bool(value: bool) -> str:
    return "true" if value else "false"


def _js_date(fk: Faker, start: str, end: str) -> str:
    """A date as JavaScript's Date.toString() prints it, which is what Postman inserts."""
    moment = fk.date_time_between(start_date=start, end_date=end, tzinfo=timezone.utc)
    return moment.strftime("%a %b %d %Y %H:%M:%S GMT+0000 (Coordinated Universal Time)")


def _locale(fk: Faker) -> str:
    """Postman documents a two-letter ISO 639-1 code; faker also yields 3-letter ones."""
    while True:
        code = fk.language_code()
        if len(code) == 2:
            return code


def _job_parts(fk: Faker) -> tuple[str, str]:
    """(area, type) split from one faker job title, e.g. "Management consultant"."""
    while True:
        head, _, qualifier = fk.job().partition(",")
        words = head.split()
        area = " ".join(words[:-1]) or qualifier.split("(")[0].strip()
        if words and area:
            return area[0].upper() + area[1:], words[-1][0].upper() + words[-1][1:]


def _ing_verb(fk: Faker) -> str:
    """faker has verbs but no -ing forms; apply the regular English spelling rule."""
    verb = fk.word(part_of_speech="verb")
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


def _company_word(fk: Faker, attribute: str, index: int) -> str:
    """One word from faker's own catch-phrase / bs word lists (faker only exposes phrases)."""
    words = getattr(_provider(fk, "faker.providers.company"), attribute)[index]
    return str(fk.random_element(words))


def _image(category: str) -> Callable[[Faker], str]:
    """A 640x480 picture URL for a topic; `lock` makes each value distinct like Postman's."""

    def make(fk: Faker) -> str:
        lock = fk.random_int(1, 99999)
        url = f"https://loremflickr.com/{{width}}/{{height}}/{category}?lock={lock}"
        return fk.image_url(width=640, height=480, placeholder_url=url)

    return make


def _avatar(fk: Faker) -> str:
    """faker-js (which Postman uses) hands out GitHub avatar URLs; same shape here."""
    return f"https://avatars.githubusercontent.com/u/{fk.random_int(1, 99999999)}"


def _image_data_uri(fk: Faker) -> str:
    """A small SVG data URI (faker's own image() needs Pillow, which we do not depend on)."""
    from urllib.parse import quote

    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="640" height="480">'
        f'<rect width="100%" height="100%" fill="{fk.hex_color()}"/></svg>'
    )
    return "data:image/svg+xml;charset=UTF-8," + quote(svg)


def _bitcoin(fk: Faker) -> str:
    """A legacy-format address: leading 1 or 3, then base58 characters (the alphabet is spec)."""
    base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    body = fk.lexify("?" * fk.random_int(25, 33), letters=base58)
    return fk.lexify("?", letters="13") + body


def _common_file(fk: Faker) -> tuple[str, str]:
    """(file name, MIME top-level type) for one of faker's common file categories."""
    import mimetypes

    name = fk.file_name(category=fk.random_element(tuple(_file_categories(fk))))
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return name, mime.split("/")[0]


def _file_categories(fk: Faker) -> list[str]:
    return list(getattr(_provider(fk, "faker.providers.file"), "file_extensions"))


@functools.cache
def _latin_words() -> tuple[str, ...]:
    """Postman's lorem values are Latin; faker ships that list for its `la` lorem locale."""
    from faker.providers.lorem.la import Provider as LatinLorem

    return tuple(LatinLorem.word_list)


def _lorem(fk: Faker, method: str, **kwargs: object) -> str:
    result = getattr(fk, method)(ext_word_list=_latin_words(), **kwargs)
    return result if isinstance(result, str) else " ".join(result)


def _lorem_paragraphs(fk: Faker, count: int, separator: str) -> str:
    return separator.join(fk.paragraphs(nb=count, ext_word_list=_latin_words()))


def _product(fk: Faker) -> str:
    return fk.word(part_of_speech="noun").capitalize()


def _product_adjective(fk: Faker) -> str:
    return fk.word(part_of_speech="adjective").capitalize()


def _price(fk: Faker) -> str:
    """Plain decimal with two places, like Postman's "531.55" (no currency sign)."""
    return f"{fk.random_int(100, 100000) / 100:.2f}"


_FAKER: dict[str, Callable[[Faker], str]] = {
    # Text, numbers and colours
    "$randomAlphaNumeric": lambda fk: fk.lexify("?", letters=string.ascii_lowercase + string.digits),
    "$randomBoolean": lambda fk: _js_bool(fk.pybool()),
    "$randomColor": lambda fk: fk.safe_color_name(),
    "$randomHexColor": lambda fk: fk.hex_color(),
    # Real tech abbreviations (JSON, PDF, CSV, HTML…) taken from faker's file extensions.
    "$randomAbbreviation": lambda fk: fk.file_extension().upper(),
    # Internet and IP addresses
    "$randomIP": lambda fk: fk.ipv4(),
    "$randomIPV6": lambda fk: fk.ipv6(),
    "$randomMACAddress": lambda fk: fk.mac_address(),
    "$randomPassword": lambda fk: fk.password(length=15, special_chars=False),
    "$randomLocale": _locale,
    "$randomUserAgent": lambda fk: fk.user_agent(),
    "$randomProtocol": lambda fk: fk.url().split("://", 1)[0],
    "$randomSemver": lambda fk: ".".join(str(fk.random_int(0, 9)) for _ in range(3)),
    # Names
    "$randomFirstName": lambda fk: fk.first_name(),
    "$randomLastName": lambda fk: fk.last_name(),
    "$randomFullName": lambda fk: fk.name(),
    "$randomNamePrefix": lambda fk: fk.prefix(),
    "$randomNameSuffix": lambda fk: fk.suffix(),
    # Profession
    "$randomJobArea": lambda fk: _job_parts(fk)[0],
    "$randomJobDescriptor": lambda fk: _company_word(fk, "catch_phrase_words", 0),
    "$randomJobTitle": lambda fk: fk.job(),
    "$randomJobType": lambda fk: _job_parts(fk)[1],
    # Phone, address and location
    "$randomPhoneNumber": lambda fk: fk.phone_number(),
    "$randomPhoneNumberExt": lambda fk: fk.numerify("##-###-###-####"),
    "$randomCity": lambda fk: fk.city(),
    "$randomStreetName": lambda fk: fk.street_name(),
    "$randomStreetAddress": lambda fk: fk.street_address(),
    "$randomCountry": lambda fk: fk.country(),
    "$randomCountryCode": lambda fk: fk.country_code(),
    "$randomLatitude": lambda fk: str(fk.latitude()),
    "$randomLongitude": lambda fk: str(fk.longitude()),
    # Images
    "$randomAvatarImage": _avatar,
    "$randomImageUrl": lambda fk: fk.image_url(width=640, height=480),
    "$randomAbstractImage": _image("abstract"),
    "$randomAnimalsImage": _image("animals"),
    "$randomBusinessImage": _image("business"),
    "$randomCatsImage": _image("cats"),
    "$randomCityImage": _image("city"),
    "$randomFoodImage": _image("food"),
    "$randomNightlifeImage": _image("nightlife"),
    "$randomFashionImage": _image("fashion"),
    "$randomPeopleImage": _image("people"),
    "$randomNatureImage": _image("nature"),
    "$randomSportsImage": _image("sports"),
    "$randomTransportImage": _image("transport"),
    "$randomImageDataUri": _image_data_uri,
    # Finance
    "$randomBankAccount": lambda fk: fk.numerify("########"),
    "$randomBankAccountName": lambda fk: f"{fk.bank()} Account",
    "$randomCreditCardMask": lambda fk: fk.credit_card_number()[-4:],
    "$randomBankAccountBic": lambda fk: fk.swift(),
    "$randomBankAccountIban": lambda fk: fk.iban(),
    "$randomCurrencyCode": lambda fk: fk.currency_code(),
    "$randomCurrencyName": lambda fk: fk.currency_name(),
    "$randomCurrencySymbol": lambda fk: fk.currency_symbol(),
    "$randomBitcoin": lambda fk: _bitcoin(fk),
    # Business
    "$randomCompanyName": lambda fk: fk.company(),
    "$randomCompanySuffix": lambda fk: fk.company_suffix(),
    "$randomBs": lambda fk: fk.bs(),
    "$randomBsBuzz": lambda fk: _company_word(fk, "bsWords", 0),
    "$randomBsAdjective": lambda fk: _company_word(fk, "bsWords", 1),
    "$randomBsNoun": lambda fk: _company_word(fk, "bsWords", 2),
    # Catchphrases
    "$randomCatchPhrase": lambda fk: fk.catch_phrase(),
    "$randomCatchPhraseAdjective": lambda fk: _company_word(fk, "catch_phrase_words", 0),
    "$randomCatchPhraseDescriptor": lambda fk: _company_word(fk, "catch_phrase_words", 1),
    "$randomCatchPhraseNoun": lambda fk: _company_word(fk, "catch_phrase_words", 2),
    # Databases. $randomDatabaseType, $randomDatabaseCollation and $randomDatabaseEngine are
    # left out on purpose (like $randomTransactionType): faker has no data for them and we do
    # not keep our own tables, so they stay unresolved instead of getting made-up values.
    "$randomDatabaseColumn": lambda fk: fk.word(part_of_speech="noun"),
    # Dates
    "$randomDateFuture": lambda fk: _js_date(fk, "now", "+1y"),
    "$randomDatePast": lambda fk: _js_date(fk, "-1y", "now"),
    "$randomDateRecent": lambda fk: _js_date(fk, "-1d", "now"),
    "$randomWeekday": lambda fk: fk.day_of_week(),
    "$randomMonth": lambda fk: fk.month_name(),
    # Domains, emails and usernames
    "$randomDomainName": lambda fk: fk.domain_name(),
    "$randomDomainSuffix": lambda fk: fk.tld(),
    "$randomDomainWord": lambda fk: fk.domain_word(),
    "$randomEmail": lambda fk: fk.email(),
    "$randomExampleEmail": lambda fk: fk.safe_email(),
    "$randomUserName": lambda fk: fk.user_name(),
    "$randomUrl": lambda fk: fk.url(),
    # Files and directories
    "$randomFileName": lambda fk: fk.file_name(),
    "$randomFileType": lambda fk: fk.mime_type().split("/", 1)[0],
    "$randomFileExt": lambda fk: fk.file_extension(),
    "$randomCommonFileName": lambda fk: _common_file(fk)[0],
    "$randomCommonFileType": lambda fk: _common_file(fk)[1],
    "$randomCommonFileExt": lambda fk: _common_file(fk)[0].rsplit(".", 1)[-1],
    "$randomFilePath": lambda fk: fk.file_path(depth=fk.random_int(1, 4)),
    "$randomDirectoryPath": lambda fk: fk.file_path(depth=fk.random_int(2, 4)).rsplit("/", 1)[0],
    "$randomMimeType": lambda fk: fk.mime_type(),
    # Stores
    "$randomPrice": _price,
    "$randomProduct": _product,
    "$randomProductAdjective": _product_adjective,
    "$randomProductMaterial": _product,
    "$randomProductName": lambda fk: f"{_product_adjective(fk)} {_product(fk)} {_product(fk)}",
    "$randomDepartment": _product,
    # Grammar
    "$randomNoun": lambda fk: fk.word(part_of_speech="noun"),
    "$randomVerb": lambda fk: fk.word(part_of_speech="verb"),
    "$randomIngverb": _ing_verb,
    "$randomAdjective": lambda fk: fk.word(part_of_speech="adjective"),
    "$randomWord": lambda fk: fk.word(),
    "$randomWords": lambda fk: " ".join(fk.words(nb=3)),
    "$randomPhrase": lambda fk: fk.sentence(),
    # Lorem ipsum
    "$randomLoremWord": lambda fk: _lorem(fk, "word"),
    "$randomLoremWords": lambda fk: _lorem(fk, "words", nb=3),
    "$randomLoremSentence": lambda fk: _lorem(fk, "sentence"),
    "$randomLoremSentences": lambda fk: _lorem(fk, "sentences", nb=fk.random_int(2, 6)),
    "$randomLoremParagraph": lambda fk: _lorem(fk, "paragraph"),
    "$randomLoremParagraphs": lambda fk: _lorem_paragraphs(fk, 3, "\n \r"),
    "$randomLoremText": lambda fk: _lorem(fk, "paragraph"),
    "$randomLoremSlug": lambda fk: "-".join(fk.words(nb=3, ext_word_list=list(_latin_words()))),
    "$randomLoremLines": lambda fk: "\n".join(
        fk.sentences(nb=fk.random_int(1, 5), ext_word_list=_latin_words())
    ),
}

_NAMES: tuple[str, ...] = tuple(sorted({*_STDLIB, *_FAKER}))


def is_dynamic(name: str) -> bool:
    """True when `name` (without braces, e.g. "$randomFirstName") is a supported dynamic variable."""
    return name in _STDLIB or name in _FAKER


def dynamic_value(name: str) -> str | None:
    """A fresh value for `name` on every call, or None when the name is not one we support."""
    plain = _STDLIB.get(name)
    if plain is not None:
        return plain()
    generator = _FAKER.get(name)
    if generator is None:
        return None
    return generator(_fk())


def dynamic_names() -> tuple[str, ...]:
    """Every supported name, sorted, for listings and for tests that walk them all."""
    return _NAMES
