# Writes a synthetic roster CSV of N residents (awk -v n=N -f gen_roster.awk):
# three residents to a household, valid ID numbers (checksum, birth date and
# sex agreeing), distinct mobile numbers, Chinese headers as a committee's
# sheet has them.  Deterministic: the same N gives the same file.
BEGIN {
	split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
	split("1 0 X 9 8 7 6 5 4 3 2", cc, " ")
	split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗", sur, " ")
	split("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 建 国 文 辉 玲 红", giv, " ")
	split("户主 配偶 子女", rel, " ")
	if (!n)
		n = 1000
	print "户号,小区,楼栋,单元,房号,姓名,性别,身份证号,联系电话,与户主关系,备注"
	for (i = 0; i < n; i++) {
		h = int(i / 3)
		k = i % 3
		b = int(h / 200) + 1
		u = int(h / 50) % 4 + 1
		r = (int(h / 2) % 25 + 1) * 100 + h % 2 + 1
		code = b "-" u "-" r
		# a distinct (birth date, sequence) for every row: 9000 dates, then the
		# sequence steps
		t = i % 9000
		y = 1950 + int(t / 336) + (k == 2 ? 30 : 0)
		m = int(t / 28) % 12 + 1
		d = t % 28 + 1
		# the sequence's last digit is odd for men (head, child), even for women
		seq = int(i / 9000) * 2 + (k == 1 ? 0 : 1)
		s17 = sprintf("411202%04d%02d%02d%03d", y, m, d, seq % 1000)
		sum = 0
		for (j = 1; j <= 17; j++)
			sum += substr(s17, j, 1) * w[j]
		id = s17 cc[sum % 11 + 1]
		name = sur[h % 20 + 1] giv[int(i / 20) % 30 + 1] giv[i % 30 + 1]
		sex = k == 1 ? "女" : "男"
		phone = sprintf("13%09d", i)
		note = i % 50 == 0 ? "\"慢性病，需定期随访\"" : ""
		printf "%s,幸福小区,%d,%d,%d,%s,%s,%s,%s,%s,%s\r\n", code, b, u, r, name, sex, id, phone, rel[k + 1], note
	}
}
