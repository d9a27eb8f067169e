import { describe, expect, it } from "vitest";
import { foldText, searchWords } from "~/lib/search";

describe("search words", () => {
  it("fold case, every Vietnamese mark and đ", () => {
    expect(searchWords("Sở TƯ PHÁP")).toEqual(["so", "tu", "phap"]);
    expect(searchWords("Đồng Tháp, Nguyễn Thị Ửng")).toEqual(["dong", "thap", "nguyen", "thi", "ung"]);
    expect(foldText("Ủy ban nhân dân xã Định Hòa")).toBe("uy ban nhan dan xa dinh hoa");
  });

  it("keep only letters and digits: nothing typed reaches the index as its query syntax", () => {
    expect(searchWords('QT-01/"HĐ" OR NEAR(a) ^x -y')).toEqual(["qt", "01", "hd", "or", "near", "a", "x", "y"]);
    expect(searchWords("% _ ' \" ( ) *")).toEqual([]);
    expect(searchWords("   ")).toEqual([]);
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
  });
});
