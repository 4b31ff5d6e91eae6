"""`--item` / `--folder` with Newman's habits: request names in --folder, globs, folder-scoped items."""

from __future__ import annotations

import pytest

from engine.errors import InputError
from engine.load import build_collection
from engine.select import select
from factory import folder, make_collection, make_item


@pytest.fixture(scope="module")
def shop():
    document = make_collection([
        folder("Auth", [make_item("Login"), make_item("Get user")]),
        folder("Users", [make_item("Get user"), make_item("Delete user"),
                         folder("Admin", [make_item("Ban user")])]),
        make_item("Health"),
    ])
    return build_collection(document, file="shop.json")


def paths(located) -> list[str]:
    return [loc.path for loc in located]


def test_folder_takes_a_request_name_as_newman_does(shop) -> None:
    assert paths(select(shop, folders=("Health",))) == ["Health"]
    assert paths(select(shop, folders=("Delete user",))) == ["Users/Delete user"]


def test_folder_then_item_selects_inside_the_folder(shop) -> None:
    assert paths(select(shop, items=("Get user",), folders=("Auth",))) == ["Auth/Get user"]
    assert paths(select(shop, items=("Get user",))) == ["Auth/Get user", "Users/Get user"]


def test_item_on_a_folder_says_it_is_a_folder(shop) -> None:
    with pytest.raises(InputError) as caught:
        select(shop, items=("Users",))
    assert "is a folder" in caught.value.message
    assert "--folder 'Users'" in caught.value.hint and "Users/*" in caught.value.hint


def test_globs_in_item_and_folder(shop) -> None:
    assert paths(select(shop, items=("Users/*",))) == ["Users/Get user", "Users/Delete user", "Users/Admin/Ban user"]
    assert paths(select(shop, items=("* user",))) == [
        "Auth/Get user", "Users/Get user", "Users/Delete user", "Users/Admin/Ban user"]
    assert paths(select(shop, folders=("Us*",))) == ["Users/Get user", "Users/Delete user", "Users/Admin/Ban user"]
    assert paths(select(shop, folders=("Users/*",))) == paths(select(shop, folders=("Users",)))
    assert paths(select(shop, items=("Admin/*",))) == ["Users/Admin/Ban user"]


def test_a_nested_folder_by_name_or_path(shop) -> None:
    assert paths(select(shop, folders=("Admin",))) == ["Users/Admin/Ban user"]
    assert paths(select(shop, folders=("Users/Admin",))) == ["Users/Admin/Ban user"]


def test_typos_keep_did_you_mean(shop) -> None:
    with pytest.raises(InputError) as caught:
        select(shop, items=("Get usr",))
    assert "did you mean" in caught.value.hint and "Get user" in caught.value.hint
    with pytest.raises(InputError) as caught:
        select(shop, folders=("Userz",))
    assert "'Users'" in caught.value.hint


def test_an_item_in_another_folder_is_named_as_such(shop) -> None:
    with pytest.raises(InputError) as caught:
        select(shop, items=("Login",), folders=("Users",))
    assert "under 'Users'" in caught.value.message
