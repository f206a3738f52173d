/** server/src/text/encoding.ts: what a file's bytes are read as, and that writing gives the same bytes back. */
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { canEncode, decodeBytes, encodeText, UndecodableError, type FileEncoding } from "../../server/src/text/encoding";

const TEXT = "单位：嘉鱼县高铁岭镇人民政府\n年度：2021\n理由：好，很好。比例为９５％；𠀀（扩展B）、€、·\n";

describe("encoding", () => {
  const cases: [FileEncoding, Buffer][] = [
    ["utf8", Buffer.from(TEXT, "utf8")],
    ["utf8bom", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")])],
    ["utf16le", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")])],
    ["utf16be", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, "utf16le").swap16()])],
    ["gb18030", iconv.encode(TEXT, "gb18030")],
  ];
  for (const [encoding, bytes] of cases) {
    it(`reads ${encoding} as the same text, without U+FFFD, and writes the same bytes back`, () => {
      const d = decodeBytes(bytes);
      assert.equal(d.encoding, encoding);
      assert.equal(d.text, TEXT);
      assert.ok(!d.text.includes("\uFFFD"));
      assert.ok(encodeText(d.text, d.encoding).equals(bytes));
    });
  }

  it("reads GBK bytes (the GB2312/GBK subset of GB18030) written by Notepad or WPS", () => {
    const gbk = iconv.encode("单位：甲镇\n说明：预算执行率９８％\n", "gbk");
    const d = decodeBytes(gbk);
    assert.equal(d.encoding, "gb18030");
    assert.equal(d.text, "单位：甲镇\n说明：预算执行率９８％\n");
  });

  it("prefers UTF-8 when the bytes are valid UTF-8", () => {
    assert.equal(decodeBytes(Buffer.from("单位：甲镇\n", "utf8")).encoding, "utf8");
    assert.equal(decodeBytes(Buffer.from("plain ascii\n")).encoding, "utf8");
  });

  it("refuses bytes that no supported encoding reads instead of inventing U+FFFD", () => {
    assert.throws(() => decodeBytes(Buffer.from([0x81, 0x20, 0xff, 0xff])), UndecodableError);
    assert.throws(() => decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28])), UndecodableError);
    assert.throws(() => decodeBytes(Buffer.from([0xff, 0xfe, 0x41])), UndecodableError);
  });

  it("canEncode: a lone surrogate cannot be UTF-8 or GB18030; UTF-16 holds anything", () => {
    assert.equal(canEncode("甲\uD800乙", "utf8"), false);
    assert.equal(canEncode("甲\uD800乙", "gb18030"), false);
    assert.equal(canEncode("甲\uD800乙", "utf16le"), true);
    assert.equal(canEncode(TEXT, "gb18030"), true);
  });
});
