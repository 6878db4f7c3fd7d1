import readouts


def test_public_api_all_is_sorted_and_complete():
    assert readouts.__all__ == sorted(readouts.__all__)
    for name in readouts.__all__:
        assert hasattr(readouts, name), name


def test_public_api_compare_is_one_call(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The two leaders discussed trade and agreed to meet again.", encoding="utf-8")
    b.write_text("双方就经贸问题交换了意见，同意再次会晤。", encoding="utf-8")
    result = readouts.compare(a, b)
    assert isinstance(result, readouts.Comparison)


def test_no_public_name_hides_a_submodule():
    """``readouts.compare`` is the function; no submodule of that name may exist, or
    ``import readouts.compare`` and ``readouts.compare(...)`` would mean two things."""
    import importlib.util

    for name in readouts.__all__:
        assert importlib.util.find_spec(f"readouts.{name}") is None, name
