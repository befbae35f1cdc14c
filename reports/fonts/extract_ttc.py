#!/usr/bin/env python3
"""Extract one face of a TrueType collection (.ttc) into a standalone .ttf.

JasperReports (and Java's font loading in it) cannot use .ttc collections, and Debian ships its CJK
fonts only as collections. Used once to produce wqy-microhei.ttf from Debian's fonts-wqy-microhei:
    python3 extract_ttc.py /usr/share/fonts/truetype/wqy/wqy-microhei.ttc 0 wqy-microhei.ttf
"""
import struct
import sys


def extract(ttc_path, index, out_path):
    data = open(ttc_path, 'rb').read()
    if data[:4] != b'ttcf':
        raise SystemExit(ttc_path + ' is not a TrueType collection')
    num_fonts = struct.unpack('>I', data[8:12])[0]
    if not 0 <= index < num_fonts:
        raise SystemExit('face %d not in 0..%d' % (index, num_fonts - 1))
    start = struct.unpack('>I', data[12 + 4 * index:16 + 4 * index])[0]
    sfnt_version, num_tables = struct.unpack('>IH', data[start:start + 6])
    records = []
    for i in range(num_tables):
        tag, checksum, offset, length = struct.unpack('>4sIII', data[start + 12 + 16 * i:start + 28 + 16 * i])
        records.append((tag, checksum, offset, length))
    header_size = 12 + 16 * num_tables
    body = bytearray()
    for tag, checksum, offset, length in records:
        body += data[offset:offset + length] + b'\0' * ((4 - length % 4) % 4)
    out_dir = bytearray(data[start:start + 12])
    position = header_size
    for tag, checksum, offset, length in records:
        out_dir += struct.pack('>4sIII', tag, checksum, position, length)
        position += length + (4 - length % 4) % 4
    with open(out_path, 'wb') as out:
        out.write(out_dir)
        out.write(body)


if __name__ == '__main__':
    extract(sys.argv[1], int(sys.argv[2]), sys.argv[3])
