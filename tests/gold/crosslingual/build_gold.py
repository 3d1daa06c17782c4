# ruff: noqa: E501  (one document per line: easier to review than wrapped Arabic)
"""Write crosslingual_gold.jsonl from the table below (kept so analysts can extend it).

Synthetic: every text was written by the marsad developers, modelled on how wire agencies,
monitors and local outlets report such incidents (SOHR, SANA, Enab Baladi, Reuters, AFP,
Anadolu); no real article text is copied. Each row: (id, link, language, outlet, published,
title, text). Documents with the same ``link`` report one incident, one in English and one
in Arabic; ``link`` None marks a distractor (a different incident close in time and place to
a linked one, with no counterpart), which only tests precision.
Run: .venv/bin/python tests/gold/crosslingual/build_gold.py
"""

import json
from pathlib import Path

DOCS = [
 # 1-2: one day, Douma (Russian strikes) and central Damascus (rebel shells), ~10 km apart.
 ("en-douma", "douma-strikes-2018-03-08", "en", "Reuters", "2018-03-08", "Air strikes kill 12 in Syria's Douma, monitor says",
  "Russian air strikes killed 12 civilians, including three children, in the town of Douma in the rebel-held Eastern Ghouta on Thursday, the Syrian Observatory for Human Rights said. Rescue workers said several buildings collapsed."),
 ("ar-douma", "douma-strikes-2018-03-08", "ar", "Enab Baladi", "2018-03-08", "مقتل 12 مدنياً بغارات روسية على دوما",
  "قُتل 12 مدنياً، بينهم ثلاثة أطفال، اليوم الخميس جراء غارات جوية روسية استهدفت الأحياء السكنية في مدينة دوما بالغوطة الشرقية، بحسب المرصد السوري لحقوق الإنسان."),
 ("en-babtouma", "babtouma-shells-2018-03-08", "en", "SANA", "2018-03-08", "Two civilians killed by terrorist shells on Bab Touma",
  "Two civilians were killed and eight others injured on Thursday when terrorists positioned in Eastern Ghouta fired mortar shells at Bab Touma neighborhood in Damascus, a source at Damascus Police Command told SANA."),
 ("ar-babtouma", "babtouma-shells-2018-03-08", "ar", "SANA", "2018-03-08", "استشهاد مدنيين اثنين بقذائف الإرهابيين على باب توما",
  "استشهد مدنيان اثنان وأصيب ثمانية آخرون بجروح اليوم الخميس جراء سقوط قذائف هاون أطلقها الإرهابيون المنتشرون في الغوطة الشرقية على حي باب توما في دمشق، وفق ما ذكر مصدر في قيادة شرطة دمشق لسانا."),
 # 3-4: one day, Maarat al-Numan market and Ariha, 19 km apart.
 ("en-maarat", "maarat-market-2019-07-22", "en", "Reuters", "2019-07-22", "Air strikes on market in Syria's Maarat al-Numan kill 39",
  "Air strikes on a crowded vegetable market in the town of Maarat al-Numan in Idlib province killed at least 39 people on Monday, the Syrian Observatory for Human Rights said, blaming Russian jets."),
 ("ar-maarat", "maarat-market-2019-07-22", "ar", "Syrian Observatory for Human Rights", "2019-07-22", "مجزرة في سوق معرة النعمان",
  "ارتفع إلى 39 عدد القتلى المدنيين الذين قضوا جراء غارات نفذتها طائرات حربية روسية اليوم الاثنين على سوق الخضار الشعبي في مدينة معرة النعمان بريف إدلب الجنوبي."),
 ("en-ariha", "ariha-strike-2019-07-22", "en", "AFP", "2019-07-22", "Five killed in regime strike on Syria's Ariha",
  "Five civilians, including two children, were killed on Monday when regime warplanes struck a residential building in the town of Ariha in Idlib province, the Syrian Observatory for Human Rights said."),
 ("ar-ariha", "ariha-strike-2019-07-22", "ar", "Step News Agency", "2019-07-22", "خمسة قتلى بغارة على أريحا",
  "قتل خمسة مدنيين، بينهم طفلان، اليوم الاثنين بغارة جوية لطيران النظام الحربي استهدفت بناءً سكنياً في مدينة أريحا بريف إدلب، بحسب مراسل وكالة ستيب الإخبارية."),
 ("ar-maarathurma", None, "ar", "Enab Baladi", "2019-07-22", "براميل متفجرة على معرة حرمة",
  "ألقى الطيران المروحي التابع للنظام أربعة براميل متفجرة على بلدة معرة حرمة في ريف إدلب الجنوبي اليوم الاثنين، ما أدى إلى إصابة ثلاثة مدنيين، بحسب الدفاع المدني."),
 # 5
 ("en-sousian", "sousian-carbomb-2017-02-24", "en", "AP", "2017-02-24", "Car bomb kills 51 near Syrian town of al-Bab",
  "A car bomb exploded on Friday at a rebel checkpoint in the village of Sousian near the northern Syrian town of al-Bab, killing at least 51 people, most of them civilians, the Syrian Observatory for Human Rights said. The Islamic State group claimed the attack."),
 ("ar-sousian", "sousian-carbomb-2017-02-24", "ar", "Syrian Observatory for Human Rights", "2017-02-24", "51 قتيلاً بتفجير سيارة مفخخة قرب الباب",
  "قتل 51 شخصاً على الأقل، معظمهم مدنيون، اليوم الجمعة جراء انفجار سيارة مفخخة عند حاجز للفصائل في قرية سوسيان قرب مدينة الباب بريف حلب الشمالي الشرقي، وتبنى تنظيم الدولة الإسلامية التفجير."),
 # 6 + a distractor the next day in Raqqa city.
 ("en-mansoura", "mansoura-school-2017-03-21", "en", "AFP", "2017-03-22", "Coalition strike on Syria school kills 33: monitor",
  "At least 33 people were killed when US-led coalition air strikes hit a school housing displaced families in the town of al-Mansoura west of Raqqa on Tuesday, the Syrian Observatory for Human Rights said on Wednesday."),
 ("ar-mansoura", "mansoura-school-2017-03-21", "ar", "Enab Baladi", "2017-03-22", "مجزرة للتحالف في مدرسة بالمنصورة",
  "قتل 33 مدنياً من النازحين، يوم الثلاثاء 21 آذار، جراء غارات لطيران التحالف الدولي استهدفت مدرسة تؤوي عائلات نازحة في بلدة المنصورة بريف الرقة الغربي، بحسب المرصد السوري لحقوق الإنسان."),
 ("en-raqqacity", None, "en", "Reuters", "2017-03-23", "Coalition strikes hit Raqqa city, residents say",
  "Coalition air strikes hit the Islamic State-held city of Raqqa on Thursday, killing four civilians near the clock tower square, residents and the Raqqa is Being Slaughtered Silently group said."),
 # 7
 ("en-zahraa", "zahraa-bombs-2016-02-21", "en", "SANA", "2016-02-21", "46 killed in two terrorist car bombs in Homs",
  "46 citizens were killed and more than 100 others injured on Sunday when terrorists detonated two car bombs in al-Zahraa neighborhood in Homs city, Homs Governor Talal al-Barazi told SANA."),
 ("ar-zahraa", "zahraa-bombs-2016-02-21", "ar", "SANA", "2016-02-21", "46 شهيداً بتفجيرين إرهابيين في حي الزهراء بحمص",
  "ارتقى 46 شهيداً وأصيب أكثر من 100 آخرين اليوم الأحد جراء تفجير إرهابيين سيارتين مفخختين في حي الزهراء بمدينة حمص، بحسب ما أفاد محافظ حمص طلال البرازي لسانا."),
 # 8
 ("en-qamishli", "qamishli-truck-2016-07-27", "en", "Reuters", "2016-07-27", "Islamic State truck bomb kills 44 in Syria's Qamishli",
  "A truck bomb claimed by Islamic State killed at least 44 people in the mostly Kurdish city of Qamishli in northeast Syria on Wednesday, Kurdish security forces said."),
 ("ar-qamishli", "qamishli-truck-2016-07-27", "ar", "Syrian Observatory for Human Rights", "2016-07-27", "تفجير شاحنة مفخخة في القامشلي",
  "قتل 44 شخصاً على الأقل اليوم الأربعاء جراء تفجير شاحنة مفخخة في الحي الغربي لمدينة القامشلي بريف الحسكة، وتبنى تنظيم الدولة الإسلامية التفجير."),
 # 9
 ("en-manbij", "manbij-suicide-2019-01-16", "en", "Reuters", "2019-01-16", "Suicide bombing in Syria's Manbij kills 19, including U.S. troops",
  "A suicide bomber blew himself up at a restaurant in the northern Syrian town of Manbij on Wednesday, killing 19 people including four Americans, the Syrian Observatory for Human Rights said. Islamic State claimed responsibility."),
 ("ar-manbij", "manbij-suicide-2019-01-16", "ar", "Enab Baladi", "2019-01-16", "تفجير انتحاري في منبج",
  "فجر انتحاري نفسه اليوم الأربعاء داخل مطعم في مدينة منبج بريف حلب الشرقي، ما أدى إلى مقتل 19 شخصاً بينهم أربعة أمريكيين، وفق المرصد السوري لحقوق الإنسان، وتبنى تنظيم الدولة الهجوم."),
 # 10
 ("en-khanshaykhun", "khanshaykhun-capture-2019-08-21", "en", "SANA", "2019-08-21", "Army units liberate Khan Sheikhoun",
  "Army units on Wednesday took full control of the town of Khan Sheikhoun in the southern countryside of Idlib after fierce battles with Jabhat al-Nusra terrorists, SANA reporter said."),
 ("ar-khanshaykhun", "khanshaykhun-capture-2019-08-21", "ar", "SANA", "2019-08-21", "وحدات الجيش تحرر خان شيخون",
  "أحكمت وحدات من الجيش العربي السوري اليوم الأربعاء سيطرتها الكاملة على مدينة خان شيخون في ريف إدلب الجنوبي بعد معارك عنيفة مع إرهابيي جبهة النصرة، وفق ما أفاد مراسل سانا."),
 # 11
 ("en-afrin", "afrin-shelling-2018-01-21", "en", "Anadolu Agency", "2018-01-21", "Turkish artillery pounds YPG positions in Afrin",
  "Turkish artillery shelled villages in the Afrin region on Sunday, killing three civilians, the Syrian Observatory for Human Rights said, on the second day of Turkey's Operation Olive Branch."),
 ("ar-afrin", "afrin-shelling-2018-01-21", "ar", "Syrian Observatory for Human Rights", "2018-01-21", "قصف تركي على قرى عفرين",
  "قتل ثلاثة مدنيين اليوم الأحد جراء قصف مدفعي للقوات التركية استهدف قرى في منطقة عفرين بريف حلب الشمالي الغربي، في اليوم الثاني من عملية غصن الزيتون."),
 # 12 + a distractor two days later in the Daraa countryside.
 ("en-daraa", "daraa-clashes-2017-06-10", "en", "AFP", "2017-06-10", "Ten regime soldiers killed in Daraa fighting: monitor",
  "Ten regime soldiers were killed on Saturday in clashes with rebels in the Manshiyeh district of Daraa city, the Syrian Observatory for Human Rights said."),
 ("ar-daraa", "daraa-clashes-2017-06-10", "ar", "Syrian Observatory for Human Rights", "2017-06-10", "اشتباكات في حي المنشية بدرعا",
  "قتل عشرة عناصر من قوات النظام اليوم السبت خلال اشتباكات عنيفة مع الفصائل المقاتلة في حي المنشية بمدينة درعا."),
 ("ar-tafas", None, "ar", "Horan Free League", "2017-06-12", "اشتباكات قرب طفس",
  "اندلعت اشتباكات يوم الاثنين بين قوات النظام والفصائل المقاتلة على أطراف مدينة طفس في ريف درعا الغربي، ما أدى إلى مقتل اثنين من عناصر الفصائل."),
 # 13
 ("en-deirairport", "deir-airport-2017-01-15", "en", "SANA", "2017-01-15", "Army repels ISIS attack near Deir Ezzor airport",
  "Army units on Sunday repelled an attack by ISIS terrorists on military points near Deir Ezzor military airport and killed dozens of them, SANA reporter said."),
 ("ar-deirairport", "deir-airport-2017-01-15", "ar", "Syrian Observatory for Human Rights", "2017-01-15", "هجوم لتنظيم الدولة على محيط مطار دير الزور",
  "شن تنظيم الدولة الإسلامية اليوم الأحد هجوماً عنيفاً على مواقع قوات النظام في محيط مطار دير الزور العسكري، ودارت اشتباكات عنيفة بين الطرفين أسفرت عن مقتل 12 عنصراً من قوات النظام."),
 # 14
 ("en-kafrnabl", "kafrnabl-barrels-2019-05-05", "en", "Syrian Observatory for Human Rights", "2019-05-05", "Barrel bombs hit Kafr Nabl",
  "Regime helicopters dropped barrel bombs on the town of Kafr Nabl in the southern countryside of Idlib on Sunday, killing two women, the Syrian Observatory for Human Rights said."),
 ("ar-kafrnabl", "kafrnabl-barrels-2019-05-05", "ar", "Step News Agency", "2019-05-05", "براميل متفجرة على كفرنبل",
  "ألقى الطيران المروحي التابع للنظام براميل متفجرة على مدينة كفرنبل في ريف إدلب الجنوبي اليوم الأحد، ما أدى إلى مقتل امرأتين، بحسب مراسل ستيب."),
 # 15: an article and its translation.
 ("en-saraqib", "saraqib-protest-2019-03-15", "en", "Enab Baladi", "2019-03-15", "Saraqib residents mark the revolution's anniversary",
  "Hundreds of people demonstrated in the city of Saraqib in Idlib countryside on Friday to mark the eighth anniversary of the Syrian revolution, chanting for the fall of the regime, Enab Baladi correspondent reported."),
 ("ar-saraqib", "saraqib-protest-2019-03-15", "ar", "Enab Baladi", "2019-03-15", "مظاهرة في سراقب في ذكرى الثورة",
  "خرج مئات المتظاهرين في مدينة سراقب بريف إدلب اليوم الجمعة، في الذكرى الثامنة للثورة السورية، وهتفوا بإسقاط النظام، بحسب مراسل عنب بلدي."),
 # 16
 ("en-tafasarrests", "tafas-arrests-2019-10-08", "en", "Enab Baladi", "2019-10-09", "Regime security forces arrest young men in Tafas",
  "Regime security forces arrested eleven young men at a checkpoint in the town of Tafas in western Daraa countryside on Tuesday, local sources told Enab Baladi."),
 ("ar-tafasarrests", "tafas-arrests-2019-10-08", "ar", "Horan Free League", "2019-10-08", "اعتقال 11 شاباً في طفس",
  "اعتقلت الأجهزة الأمنية التابعة للنظام اليوم الثلاثاء 11 شاباً على حاجز في مدينة طفس بريف درعا الغربي واقتادتهم إلى جهة مجهولة."),
 # 17
 ("en-idlibied", "idlib-ied-2018-07-04", "en", "Anadolu Agency", "2018-07-04", "Bomb blast kills four in Syria's Idlib city",
  "An improvised explosive device went off near a mosque in the city of Idlib on Wednesday, killing four civilians and wounding nine, local sources told Anadolu Agency."),
 ("ar-idlibied", "idlib-ied-2018-07-04", "ar", "Step News Agency", "2018-07-04", "انفجار عبوة ناسفة في مدينة إدلب",
  "قتل أربعة مدنيين وأصيب تسعة آخرون اليوم الأربعاء جراء انفجار عبوة ناسفة قرب أحد المساجد في مدينة إدلب، بحسب مراسل ستيب."),
 # 18
 ("en-palmyra", "palmyra-capture-2017-03-02", "en", "SANA", "2017-03-02", "Army regains control over Palmyra",
  "Army units, in cooperation with allied forces, regained full control over the city of Palmyra in the eastern countryside of Homs on Thursday after fierce battles with ISIS terrorists, a military source told SANA."),
 ("ar-palmyra", "palmyra-capture-2017-03-02", "ar", "Syrian Observatory for Human Rights", "2017-03-02", "قوات النظام تستعيد تدمر",
  "استعادت قوات النظام والمسلحون الموالون لها اليوم الخميس السيطرة على مدينة تدمر في ريف حمص الشرقي، بعد انسحاب عناصر تنظيم الدولة الإسلامية منها، بغطاء جوي روسي."),
 # 19
 ("en-azaz", "azaz-truck-2017-01-07", "en", "Reuters", "2017-01-07", "Truck bomb kills 43 in Syria's Azaz",
  "A truck bomb exploded outside a courthouse in the rebel-held town of Azaz near the Turkish border on Saturday, killing at least 43 people, the Syrian Observatory for Human Rights said."),
 ("ar-azaz", "azaz-truck-2017-01-07", "ar", "Enab Baladi", "2017-01-07", "عشرات القتلى بتفجير شاحنة في إعزاز",
  "قتل 43 شخصاً على الأقل جراء انفجار صهريج مفخخ أمام مبنى المحكمة في مدينة إعزاز بريف حلب الشمالي اليوم السبت، بحسب المرصد السوري لحقوق الإنسان."),
 # 20: an article and its translation.
 ("en-suqaylabiyah", "suqaylabiyah-rockets-2019-08-10", "en", "SANA", "2019-08-10", "Five civilians killed in terrorist rocket attack on al-Suqaylabiyah",
  "Five civilians were killed and 12 others injured on Saturday when terrorist organizations positioned in Idlib countryside fired rocket shells on al-Suqaylabiyah city in Hama countryside, SANA reporter said."),
 ("ar-suqaylabiyah", "suqaylabiyah-rockets-2019-08-10", "ar", "SANA", "2019-08-10", "استشهاد خمسة مدنيين بقذائف صاروخية على السقيلبية",
  "استشهد خمسة مدنيين وأصيب 12 آخرون اليوم السبت جراء اعتداء التنظيمات الإرهابية المنتشرة في ريف إدلب بقذائف صاروخية على مدينة السقيلبية بريف حماة، وفق ما أفاد مراسل سانا."),
 # A distractor: the same day as 20, another town of Hama province.
 ("en-mhardeh", None, "en", "SANA", "2019-08-10", "Terrorists target Mhardeh with rockets",
  "Terrorist organizations fired four rockets on Mhardeh city in the northern countryside of Hama on Saturday, causing material damage to houses, SANA reporter said."),
]


def main() -> None:
    out = Path(__file__).with_name("crosslingual_gold.jsonl")
    with out.open("w", encoding="utf-8") as handle:
        for doc_id, link, language, outlet, published, title, text in DOCS:
            handle.write(json.dumps({"id": doc_id, "link": link, "language": language,
                                     "outlet": outlet, "published": published, "title": title,
                                     "text": text}, ensure_ascii=False) + "\n")
    print(f"{out}: {len(DOCS)} documents")


if __name__ == "__main__":
    main()
