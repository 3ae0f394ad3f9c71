use super::*;
use Period::*;

const RB: u64 = 1_000;
const JT: u64 = 1_000_000;
const M: u64 = 1_000_000_000;

/// (amount, period, period stated, range).
type Want = (u64, Period, bool, Option<(u64, u64)>);

fn found(input: &str) -> Option<Want> {
    find_amount(input).map(|a| {
        let range = a.range.map(|(lo, hi)| (lo.0, hi.0));
        (a.amount.0, a.period, a.period_stated, range)
    })
}

#[test]
fn finds_amounts_as_owners_write_them() {
    let cases: &[(&str, Want)] = &[
        ("5jtan", (5 * JT, Year, false, None)),
        ("100jt an", (100 * JT, Year, false, None)),
        ("60jt setaun", (60 * JT, Year, true, None)),
        ("15jt/bln", (15 * JT, Month, true, None)),
        ("rata2 7 juta sebulan", (7 * JT, Month, true, None)),
        ("kira2 10 juta sebulan", (10 * JT, Month, true, None)),
        ("sekitar 24,5 M", (24_500 * JT, Year, false, None)),
        ("Rp 6.000.000.000", (6 * M, Year, false, None)),
        (
            "3-4 jt sebulan",
            (3_500_000, Month, true, Some((3 * JT, 4 * JT))),
        ),
        (
            "3 sampai 4 juta sebulan",
            (3_500_000, Month, true, Some((3 * JT, 4 * JT))),
        ),
        ("420rb sehari", (420 * RB, Day, true, None)),
        ("300 ribuan sehari", (300 * RB, Day, true, None)),
        ("400 million", (400 * JT, Year, false, None)),
        ("5 million a month", (5 * JT, Month, true, None)),
        ("2.5 billion per year", (2_500 * JT, Year, true, None)),
        ("omzet sebulan 5jtan lah kak", (5 * JT, Month, true, None)),
        (
            "setahun kurang lebih 200an juta",
            (200 * JT, Year, true, None),
        ),
        ("1,2 milyar", (1_200 * JT, Year, false, None)),
        ("satu setengah miliar", (1_500 * JT, Year, false, None)),
        ("dua ratus juta", (200 * JT, Year, false, None)),
        ("seratus lima puluh juta", (150 * JT, Year, false, None)),
        ("150jt", (150 * JT, Year, false, None)),
        ("Rp150.000.000", (150 * JT, Year, false, None)),
        (
            "sebulan dapet 5 jt kadang 7",
            (6 * JT, Month, true, Some((5 * JT, 7 * JT))),
        ),
        ("sehari 500rb-an", (500 * RB, Day, true, None)),
        // More ways owners answer.
        (
            "Omzet saya kira-kira 50 juta per tahun kak",
            (50 * JT, Year, true, None),
        ),
        ("sebulan ± 8jt", (8 * JT, Month, true, None)),
        ("seminggu 2jt", (2 * JT, Week, true, None)),
        (
            "300-500rb per hari",
            (400 * RB, Day, true, Some((300 * RB, 500 * RB))),
        ),
        (
            "100 s/d 150 juta setahun",
            (125 * JT, Year, true, Some((100 * JT, 150 * JT))),
        ),
        (
            "antara 1 hingga 2 M",
            (1_500 * JT, Year, false, Some((M, 2 * M))),
        ),
        (
            "5jt atau 6jt sebulan",
            (5_500_000, Month, true, Some((5 * JT, 6 * JT))),
        ),
        (
            "kadang 2 juta kadang 3 juta sebulan",
            (2_500_000, Month, true, Some((2 * JT, 3 * JT))),
        ),
        (
            "7 kadang 5 jt",
            (6 * JT, Year, false, Some((5 * JT, 7 * JT))),
        ),
        (
            "Rp 500.000 - Rp 1.000.000 sehari",
            (750 * RB, Day, true, Some((500 * RB, JT))),
        ),
        (
            "usaha 3 tahun, omzet 100 juta",
            (100 * JT, Year, false, None),
        ),
        ("1 bulan 5 juta", (5 * JT, Month, true, None)),
        (
            "udh 2 thn jualan, sebulan 10jt",
            (10 * JT, Month, true, None),
        ),
        ("sebulan 5jtan 👍", (5 * JT, Month, true, None)),
        ("around 300k daily", (300 * RB, Day, true, None)),
        ("10 thousand a day", (10 * RB, Day, true, None)),
        ("sekitar 1 miliar 500 juta", (1_500 * JT, Year, false, None)),
        ("omsetnya 50jt/bulan", (50 * JT, Month, true, None)),
        ("50 juta", (50 * JT, Year, false, None)),
        ("150", (150, Year, false, None)),
        ("sewu", (1_000, Year, false, None)),
        ("500 ewu sedino", (500 * RB, Day, true, None)),
        ("seharinya 300rb", (300 * RB, Day, true, None)),
        ("sebulannya bersih 3jt", (3 * JT, Month, true, None)),
        ("Rp. 25.000.000,-", (25 * JT, Year, false, None)),
        ("1jt-an perhari", (JT, Day, true, None)),
        ("50-an juta", (50 * JT, Year, false, None)),
        (
            "sudah 5 tahun, omzet 300jt/thn",
            (300 * JT, Year, true, None),
        ),
    ];
    for &(input, want) in cases {
        assert_eq!(found(input), Some(want), "input {input:?}");
    }
}

#[test]
fn finds_nothing_when_unclear() {
    let cases = [
        "",
        "banyak kak",
        "belum tahu",
        "juta",
        "jutaan",
        "modal 50 juta omzet 100 juta",
        "omzet 5jt sebulan kak, modal 2jt",
        "punya 3 karyawan, omzet 100 juta",
        "081234567890",
        "0812 3456 7890",
        "+62 812-3456-7890",
        "wa saya 6281234567890",
        "2 juta per bulan per tahun",
        "15jt sebulan, 200 juta setahun",
        "1.5",
        "3 4 jt",
        "usaha 2 tahun",
        "99999999999 T",
    ];
    for input in cases {
        assert_eq!(found(input), None, "input {input:?}");
    }
}

#[test]
fn annualises_the_midpoint() {
    let input = find_amount("3-4 jt sebulan").unwrap();
    assert_eq!(input.per_year(), Rupiah(42 * JT));
}
