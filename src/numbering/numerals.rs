//! Chinese numerals as legal and official texts write them.
//!
//! ```
//! use gongwen::numbering::numerals::chinese;
//! assert_eq!(chinese(11), "十一");
//! assert_eq!(chinese(105), "一百零五");
//! assert_eq!(chinese(1260), "一千二百六十");
//! ```

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const SMALL_UNITS: [&str; 4] = ["", "十", "百", "千"];
const BIG_UNITS: [&str; 3] = ["", "万", "亿"];

/// Writes `n` in Chinese numerals: 十一, 二十, 一百零五, 一百一十, 一千零一十.
///
/// A leading 一十 is shortened to 十 (十一, not 一十一) only when the number is
/// below twenty; inside larger numbers the 一 stays (一百一十). A run of zeros
/// between non-zero digits is read as one 零; trailing zeros are silent.
pub fn chinese(n: u64) -> String {
    if n == 0 {
        return DIGITS[0].to_string();
    }
    // Split into groups of four digits, least significant first.
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push((rest % 10_000) as u16);
        rest /= 10_000;
    }
    let mut out = String::new();
    let mut pending_zero = false;
    for (index, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if !out.is_empty() && (pending_zero || group < 1000) {
            out.push(DIGITS[0]);
        }
        pending_zero = false;
        out.push_str(&group_text(group));
        out.push_str(big_unit(index));
    }
    if out.starts_with("一十") {
        // A number that opens with 一十 is read 十…: 十一, 十万.
        out.remove(0);
    }
    out
}

fn big_unit(index: usize) -> &'static str {
    // 万万 is 亿; beyond 亿 (10^8) the u64 range needs 万亿, written by nesting.
    match index {
        0..=2 => BIG_UNITS[index],
        3 => "万亿",
        _ => "亿亿",
    }
}

/// One group of up to four digits, e.g. 1010 → 一千零一十, 5 → 五.
fn group_text(group: u16) -> String {
    let digits = [group / 1000, group / 100 % 10, group / 10 % 10, group % 10];
    let mut out = String::new();
    let mut zero = false;
    for (position, &digit) in digits.iter().enumerate() {
        if digit == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push(DIGITS[0]);
            zero = false;
        }
        out.push(DIGITS[digit as usize]);
        out.push_str(SMALL_UNITS[3 - position]);
    }
    out
}

/// Reads a Chinese numeral back (一百零五 → 105). Accepts 〇 and 两 as well as
/// 零 and 二, and the short forms 十一 / 十. Returns `None` for anything else.
pub fn parse_chinese(text: &str) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    let mut total: u64 = 0; // completed 万/亿 sections
    let mut section: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    for c in text.chars() {
        let value = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(v) = value {
            if digit.is_some() {
                // Two digits in a row without a unit (一二) is not a numeral.
                return None;
            }
            digit = if v == 0 { None } else { Some(v) };
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            '亿' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            section += digit.take().unwrap_or(0);
            if section == 0 && total == 0 {
                return None;
            }
            total = total.checked_add(section)?.checked_mul(unit)?;
            section = 0;
        } else {
            let d = digit.take().unwrap_or(if unit == 10 { 1 } else { 0 });
            if d == 0 {
                return None;
            }
            section += d * unit;
        }
    }
    section += digit.unwrap_or(0);
    let value = total.checked_add(section)?;
    (value > 0).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_numbers() {
        let expected = [
            "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
        ];
        for (i, want) in expected.iter().enumerate() {
            assert_eq!(chinese(i as u64 + 1), *want);
        }
        assert_eq!(chinese(19), "十九");
        assert_eq!(chinese(20), "二十");
        assert_eq!(chinese(21), "二十一");
        assert_eq!(chinese(99), "九十九");
    }

    #[test]
    fn forms_legal_texts_use_past_one_hundred() {
        assert_eq!(chinese(100), "一百");
        assert_eq!(chinese(101), "一百零一");
        assert_eq!(chinese(105), "一百零五");
        assert_eq!(chinese(110), "一百一十");
        assert_eq!(chinese(111), "一百一十一");
        assert_eq!(chinese(120), "一百二十");
        assert_eq!(chinese(452), "四百五十二");
        assert_eq!(chinese(1000), "一千");
        assert_eq!(chinese(1001), "一千零一");
        assert_eq!(chinese(1010), "一千零一十");
        assert_eq!(chinese(1011), "一千零一十一");
        assert_eq!(chinese(1100), "一千一百");
        assert_eq!(chinese(1260), "一千二百六十");
        assert_eq!(chinese(2005), "二千零五");
    }

    #[test]
    fn large_numbers() {
        assert_eq!(chinese(10_000), "一万");
        assert_eq!(chinese(10_001), "一万零一");
        assert_eq!(chinese(10_010), "一万零一十");
        assert_eq!(chinese(11_000), "一万一千");
        assert_eq!(chinese(100_000), "十万");
        assert_eq!(chinese(100_500), "十万零五百");
        assert_eq!(chinese(1_000_000), "一百万");
        assert_eq!(chinese(100_000_000), "一亿");
        assert_eq!(chinese(100_000_001), "一亿零一");
    }

    #[test]
    fn parse_is_the_inverse_for_the_first_hundred_thousand() {
        for n in 1..=100_000u64 {
            assert_eq!(parse_chinese(&chinese(n)), Some(n), "{n} = {}", chinese(n));
        }
    }

    #[test]
    fn parse_accepts_variants_and_rejects_junk() {
        assert_eq!(parse_chinese("一十一"), Some(11));
        assert_eq!(parse_chinese("二〇"), None);
        assert_eq!(parse_chinese("两百"), Some(200));
        assert_eq!(parse_chinese("一二"), None);
        assert_eq!(parse_chinese("条"), None);
        assert_eq!(parse_chinese(""), None);
        assert_eq!(parse_chinese("零"), None);
    }
}
