use super::*;
use Period::*;

const JT: u64 = 1_000_000;
const M: u64 = 1_000_000_000;

#[test]
fn parses_amounts() {
    let cases: &[(&str, Option<(u64, Period)>)] = &[
        ("150 juta", Some((150 * JT, Year))),
        ("150jt", Some((150 * JT, Year))),
        ("Rp 1.500.000.000", Some((1_500 * JT, Year))),
        ("rp1500000000", Some((1_500 * JT, Year))),
        ("Rp. 2.000.000", Some((2 * JT, Year))),
        ("1,5 M", Some((1_500 * JT, Year))),
        ("1.5 miliar", Some((1_500 * JT, Year))),
        ("1,5 milyar", Some((1_500 * JT, Year))),
        ("2jt sebulan", Some((2 * JT, Month))),
        ("2 juta per bulan", Some((2 * JT, Month))),
        ("500rb/bln", Some((500_000, Month))),
        ("500 ribu perbulan", Some((500_000, Month))),
        ("300k", Some((300_000, Year))),
        ("dua ratus juta", Some((200 * JT, Year))),
        ("satu setengah miliar", Some((1_500 * JT, Year))),
        ("setengah miliar", Some((500 * JT, Year))),
        ("seratus lima puluh juta", Some((150 * JT, Year))),
        ("sebelas juta", Some((11 * JT, Year))),
        ("dua belas ribu", Some((12_000, Year))),
        ("seribu", Some((1_000, Year))),
        ("Rp 150.000.000,00", Some((150 * JT, Year))),
        ("15 M", Some((15 * M, Year))),
        ("20 miliar setahun", Some((20 * M, Year))),
        ("1 T", Some((1_000 * M, Year))),
        ("1 triliun", Some((1_000 * M, Year))),
        ("1 miliar 500 juta", Some((1_500 * JT, Year))),
        ("10.000", Some((10_000, Year))),
        ("1,500,000", Some((1_500_000, Year))),
        ("3 juta seminggu", Some((3 * JT, Week))),
        ("100rb per hari", Some((100_000, Day))),
        ("100rb/hr", Some((100_000, Day))),
        ("1,2 M/th", Some((1_200 * JT, Year))),
        ("sekitar 50 jt per tahun", Some((50 * JT, Year))),
        ("0", Some((0, Year))),
    ];
    for &(input, want) in cases {
        let got = parse_amount(input).map(|a| (a.amount.0, a.period));
        assert_eq!(got, want, "input {input:?}");
    }
}

#[test]
fn rejects_non_amounts() {
    let cases = [
        "",
        "banyak",
        "abc",
        "1.5",
        "1,5",
        "setengah",
        "juta",
        "100-200 juta",
        "100 200",
        "2 juta per bulan per tahun",
        "500 ribu 2 juta",
        "1.5.0",
        "99999999999 T",
        "99999999999999999999999999999999999999999999",
    ];
    for input in cases {
        assert_eq!(parse_amount(input), None, "input {input:?}");
    }
}

#[test]
fn annualises() {
    let cases = [
        (2 * JT, Month, 24 * JT),
        (JT, Week, 52 * JT),
        (JT, Day, 365 * JT),
        (7, Year, 7),
        (u64::MAX, Month, u64::MAX),
    ];
    for (amount, period, want) in cases {
        let input = AmountInput {
            amount: Rupiah(amount),
            period,
            period_stated: true,
            range: None,
        };
        assert_eq!(input.per_year(), Rupiah(want));
    }
}

#[test]
fn displays_rupiah() {
    let cases = [
        (0, "Rp0"),
        (999, "Rp999"),
        (1_000, "Rp1.000"),
        (1_500_000, "Rp1.500.000"),
    ];
    for (value, want) in cases {
        assert_eq!(Rupiah(value).to_string(), want);
    }
}

#[test]
fn says_whether_a_period_was_given() {
    let cases = [
        ("150 juta", Some(false)),
        ("150 juta setahun", Some(true)),
        ("2jt sebulan", Some(true)),
        ("banyak", None),
    ];
    for (input, want) in cases {
        let got = parse_amount(input).map(|a| a.period_stated);
        assert_eq!(got, want, "input {input:?}");
    }
}

#[test]
fn names_periods() {
    let names = [Year, Month, Week, Day].map(Period::as_str);
    assert_eq!(names, ["year", "month", "week", "day"]);
}

#[test]
fn reads_amounts_saved_before_ranges_existed() {
    let saved = r#"{"amount":5000000,"period":"month"}"#;
    let input: AmountInput = serde_json::from_str(saved).unwrap();
    assert_eq!(
        (input.amount, input.period, input.range),
        (Rupiah(5 * JT), Month, None)
    );
}
