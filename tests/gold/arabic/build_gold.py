# ruff: noqa: E501  (one gold paragraph per line: easier to review than wrapped Arabic)
"""Write arabic_gold.jsonl from the compact table below (kept so analysts can extend it).

Paragraphs are written by the marsad developers in the style of local Syrian reporting (SOHR,
Enab Baladi, SANA); no real article text is copied. Event tuple: (sub_event_type, place
(English gazetteer name), governorate, date, actor1, fatalities or None, source, cue).
Run: .venv/bin/python tests/gold/arabic/build_gold.py
"""

import json
from pathlib import Path

SOHR = "Syrian Observatory for Human Rights"
EB = "Enab Baladi"
REG = "Military Forces of Syria (2000-)"
RUS = "Military Forces of Russia (2000-)"
IS = "Islamic State (Syria)"
HTS = "Hayat Tahrir al-Sham"
SDF = "SDF: Syrian Democratic Forces"
REB = "Opposition Rebels (Syria)"
TUR = "Military Forces of Turkey (2002-)"

DOCS = [
 ("ar-01", EB, "2018-03-10", "أفاد المرصد السوري لحقوق الإنسان بمقتل 12 مدنياً، بينهم ثلاثة أطفال، جراء غارات جوية روسية استهدفت مدينة دوما في الغوطة الشرقية، يوم الخميس 8 آذار/مارس 2018.",
  [("Air/drone strike", "Douma", "Rif Dimashq", "2018-03-08", RUS, 12, SOHR, "reported")]),
 ("ar-02", SOHR, "2018-04-20", "قُتل خمسة عناصر من قوات النظام اليوم، خلال اشتباكات عنيفة مع عناصر تنظيم الدولة الإسلامية على محور الحجر الأسود جنوب دمشق.",
  [("Armed clash", "al-Hajar al-Aswad", "Rif Dimashq", "2018-04-20", REG, 5, SOHR, "reported")]),
 ("ar-03", "SANA", "2018-05-21", "أعلنت القيادة العامة للجيش والقوات المسلحة اليوم إعادة الأمن والاستقرار إلى مخيم اليرموك والحجر الأسود بعد القضاء على آخر تجمعات تنظيم داعش الإرهابي.",
  [("Government regains territory", "Yarmouk Camp", "Damascus", "2018-05-21", REG, None, "Syrian Army General Command", "announced"),
   ("Government regains territory", "al-Hajar al-Aswad", "Rif Dimashq", "2018-05-21", REG, None, "Syrian Army General Command", "announced")]),
 ("ar-04", EB, "2019-05-12", "قال مراسل عنب بلدي في ريف إدلب إن الطيران المروحي ألقى براميل متفجرة على بلدة كفرنبل أمس، ما أدى إلى مقتل امرأة وإصابة أربعة آخرين.",
  [("Air/drone strike", "Kafr Nabl", "Idlib", "2019-05-11", REG, 1, EB, "said")]),
 ("ar-05", SOHR, "2019-06-03", "استهدفت قوات النظام بقذائف المدفعية والصواريخ مدينة خان شيخون في ريف إدلب الجنوبي، فجر اليوم، دون ورود معلومات عن خسائر بشرية.",
  [("Shelling/artillery/missile attack", "Khan Sheikhoun", "Idlib", "2019-06-03", REG, None, SOHR, "reported")]),
 ("ar-06", EB, "2018-02-25", "بحسب الدفاع المدني، قتل 9 مدنيين في قصف مدفعي لقوات النظام على بلدة حمورية في الغوطة الشرقية يوم السبت.",
  [("Shelling/artillery/missile attack", "Hamouriyah", "Rif Dimashq", "2018-02-24", REG, 9, "Syrian Civil Defence", "according to")]),
 ("ar-07", SOHR, "2017-10-17", "سيطرت قوات سوريا الديمقراطية اليوم بشكل كامل على مدينة الرقة، بعد معارك استمرت أكثر من أربعة أشهر ضد تنظيم الدولة الإسلامية.",
  [("Non-state actor overtakes territory", "Raqqa", "Raqqa", "2017-10-17", SDF, None, SOHR, "reported")]),
 ("ar-08", EB, "2019-03-24", "أعلنت قوات سوريا الديمقراطية السيطرة على بلدة الباغوز في ريف دير الزور الشرقي، آخر جيب لتنظيم الدولة شرق الفرات، يوم السبت 23 آذار.",
  [("Non-state actor overtakes territory", "Baghuz", "Deir ez-Zor", "2019-03-23", SDF, None, "Syrian Democratic Forces media office", "announced")]),
 ("ar-09", SOHR, "2016-12-20", "انفجرت سيارة مفخخة في مدينة إعزاز بريف حلب الشمالي، مساء أمس، ما أسفر عن مقتل سبعة أشخاص وإصابة آخرين بجروح.",
  [("Remote explosive/landmine/IED", "Azaz", "Aleppo", "2016-12-19", None, 7, SOHR, "reported")]),
 ("ar-10", EB, "2020-01-14", "نقلت وكالة سانا أن عبوة ناسفة انفجرت بسيارة عسكرية على طريق في مدينة درعا، ما أدى إلى مقتل ضابط في قوات النظام.",
  [("Remote explosive/landmine/IED", "Daraa", "Daraa", "2020-01-14", None, 1, "SANA", "reported")]),
 ("ar-11", SOHR, "2017-03-02", "فجر انتحاري نفسه بحزام ناسف في تجمع لعناصر الفصائل في مدينة الباب، اليوم الخميس، ما أدى إلى سقوط 50 قتيلاً على الأقل.",
  [("Suicide bomb", "al-Bab", "Aleppo", "2017-03-02", IS, 50, SOHR, "reported")]),
 ("ar-12", EB, "2017-04-05", "قتل عشرات المدنيين، بينهم أطفال، جراء هجوم كيماوي بغاز السارين على مدينة خان شيخون بريف إدلب أمس، بحسب ما أفاد ناشطون.",
  [("Chemical weapon", "Khan Sheikhoun", "Idlib", "2017-04-04", None, 12, "activists", "according to")]),
 ("ar-13", SOHR, "2019-07-15", "اعتقلت الأجهزة الأمنية التابعة للنظام ثلاثة شبان في مدينة الصنمين بريف درعا الشمالي، يوم الأحد، واقتادتهم إلى جهة مجهولة.",
  [("Arrests", "al-Sanamayn", "Daraa", "2019-07-14", "Police Forces of Syria (2000-)", None, SOHR, "reported")]),
 ("ar-14", EB, "2019-10-20", "خرجت مظاهرة في مدينة إدلب اليوم الجمعة، طالب فيها المتظاهرون بإسقاط النظام ورفض التسويات.",
  [("Peaceful protest", "Idlib", "Idlib", "2019-10-18", "Protesters (Syria)", None, EB, "reported")]),
 ("ar-15", EB, "2020-06-10", "نظم أهالي مدينة السويداء وقفة احتجاجية أمس أمام مبنى المحافظة، احتجاجاً على تردي الأوضاع المعيشية.",
  [("Peaceful protest", "As-Suwayda", "As-Suwayda", "2020-06-09", "Protesters (Syria)", None, EB, "reported")]),
 ("ar-16", "SANA", "2018-04-01", "خرجت اليوم دفعة جديدة من المسلحين وعائلاتهم من مدينة عربين في الغوطة الشرقية باتجاه الشمال السوري، تنفيذاً لاتفاق التهجير.",
  [("Non-violent transfer of territory", "Arbin", "Rif Dimashq", "2018-04-01", None, None, "SANA", "reported")]),
 ("ar-17", EB, "2018-07-07", "توصلت فصائل المعارضة في مدينة بصرى الشام إلى اتفاق تسوية مع الجانب الروسي يوم الجمعة، يقضي بتسليم السلاح الثقيل.",
  [("Agreement", "Busra al-Sham", "Daraa", "2018-07-06", REB, None, EB, "reported")]),
 ("ar-18", SOHR, "2019-08-21", "دخلت قوات النظام مدينة خان شيخون بعد انسحاب الفصائل منها، وسيطرت على كامل المدينة اليوم الأربعاء.",
  [("Government regains territory", "Khan Sheikhoun", "Idlib", "2019-08-21", REG, None, SOHR, "reported")]),
 ("ar-19", EB, "2020-02-06", "سيطرت قوات النظام على مدينة سراقب بريف إدلب الشرقي، اليوم، عقب اشتباكات مع فصائل المعارضة وقصف جوي مكثف.",
  [("Government regains territory", "Saraqib", "Idlib", "2020-02-06", REG, None, EB, "reported")]),
 ("ar-20", SOHR, "2016-08-06", "تمكنت الفصائل المقاتلة من السيطرة على منطقة الراموسة في حلب، اليوم السبت، بعد هجوم واسع على مواقع قوات النظام.",
  [("Non-state actor overtakes territory", "Aleppo", "Aleppo", "2016-08-06", REB, None, SOHR, "reported")]),
 ("ar-21", EB, "2018-01-22", "قصفت المدفعية التركية مواقع وحدات حماية الشعب في منطقة عفرين، أمس، بالتزامن مع غارات جوية تركية على قرى في محيط المدينة.",
  [("Shelling/artillery/missile attack", "Afrin", "Aleppo", "2018-01-21", TUR, None, EB, "reported"),
   ("Air/drone strike", "Afrin", "Aleppo", "2018-01-21", TUR, None, EB, "reported")]),
 ("ar-22", SOHR, "2019-09-10", "لقي طفلان حتفهما جراء انفجار لغم أرضي من مخلفات الحرب في بلدة التمانعة بريف إدلب الجنوبي اليوم.",
  [("Remote explosive/landmine/IED", "At Tamāni‘ah", "Idlib", "2019-09-10", None, 2, SOHR, "reported")]),
 ("ar-23", EB, "2021-03-15", "اغتال مسلحون مجهولون قيادياً سابقاً في فصائل المعارضة بإطلاق النار عليه في بلدة طفس بريف درعا الغربي، مساء أمس.",
  [("Attack", "Tafas", "Daraa", "2021-03-14", None, 1, EB, "reported")]),
 ("ar-24", SOHR, "2018-09-04", "شنت طائرات حربية روسية أكثر من 30 غارة على قرى وبلدات في ريف جسر الشغور، اليوم، ما أدى إلى مقتل تسعة مدنيين.",
  [("Air/drone strike", "Jisr al-Shughur", "Idlib", "2018-09-04", RUS, 9, SOHR, "reported")]),
 ("ar-25", EB, "2017-06-12", "ذكرت وكالة أعماق التابعة لتنظيم الدولة أن مقاتلي التنظيم قتلوا 20 عنصراً من قوات النظام في هجوم على حاجز قرب مدينة تدمر أمس.",
  [("Armed clash", "Palmyra", "Homs", "2017-06-11", IS, 20, "Amaaq News Agency", "reported")]),
 ("ar-26", SOHR, "2019-12-20", "وثق المرصد السوري مقتل 8 مدنيين بينهم 4 أطفال في قصف صاروخي لقوات النظام على مدينة معرة النعمان، يوم الخميس.",
  [("Shelling/artillery/missile attack", "Maarat al-Numan", "Idlib", "2019-12-19", REG, 8, SOHR, "reported")]),
 ("ar-27", EB, "2018-11-25", "أصيب 100 شخص بحالات اختناق في أحياء مدينة حلب، مساء أمس، إثر قصف بقذائف تحتوي على غاز الكلور، وفق ما نقلت وكالة سانا.",
  [("Chemical weapon", "Aleppo", "Aleppo", "2018-11-24", None, None, "SANA", "according to")]),
 ("ar-28", SOHR, "2020-05-05", "اختطف مسلحون مجهولون ناشطاً إعلامياً في مدينة الباب شرق حلب، اليوم الثلاثاء، واقتادوه إلى جهة مجهولة.",
  [("Abduction/forced disappearance", "al-Bab", "Aleppo", "2020-05-05", None, None, SOHR, "reported")]),
 ("ar-29", EB, "2019-02-14", "ألقت هيئة تحرير الشام القبض على خمسة أشخاص في مدينة سرمدا بريف إدلب الشمالي أمس، بتهمة التواصل مع النظام.",
  [("Arrests", "Sarmada", "Idlib", "2019-02-13", HTS, None, EB, "reported")]),
 ("ar-30", SOHR, "2018-06-25", "قصفت قوات النظام بعشرات القذائف والصواريخ بلدات بصر الحرير ومليحة العطش في ريف درعا الشرقي، اليوم.",
  [("Shelling/artillery/missile attack", "Busra al-Harir", "Daraa", "2018-06-25", REG, None, SOHR, "reported")]),
 ("ar-31", EB, "2017-08-30", "قال الناشط الإعلامي أبو محمد لعنب بلدي إن اشتباكات دارت أمس بين هيئة تحرير الشام وحركة أحرار الشام في مدينة سراقب، وأسفرت عن مقتل أربعة مقاتلين.",
  [("Armed clash", "Saraqib", "Idlib", "2017-08-29", HTS, 4, EB, "told")]),
 ("ar-32", SOHR, "2021-08-02", "استهدفت طائرة مسيرة تركية سيارة على طريق القامشلي، مساء أمس، ما أدى إلى مقتل عنصرين من قوات سوريا الديمقراطية.",
  [("Air/drone strike", "Qamishli", "Al-Hasakah", "2021-08-01", TUR, 2, SOHR, "reported")]),
 ("ar-33", "SANA", "2019-04-08", "تصدت وحدات من الجيش العربي السوري لمحاولة تسلل مجموعات إرهابية من تنظيم جبهة النصرة باتجاه نقاط عسكرية في محيط بلدة كفرنبودة بريف حماة، اليوم.",
  [("Armed clash", "Kafr Nabudah", "Hama", "2019-04-08", REG, None, "SANA", "reported")]),
 ("ar-34", EB, "2020-09-09", "سقطت قذائف صاروخية مصدرها مناطق سيطرة قوات النظام على مدينة عفرين، اليوم، ما أدى إلى إصابة ثلاثة مدنيين.",
  [("Shelling/artillery/missile attack", "Afrin", "Aleppo", "2020-09-09", REG, None, EB, "reported")]),
 ("ar-35", SOHR, "2018-03-18", "زعمت وسائل إعلام موالية أن الجيش سيطر على بلدة كفربطنا في الغوطة الشرقية، اليوم، بعد انسحاب فيلق الرحمن منها.",
  [("Government regains territory", "Kafr Batna", "Rif Dimashq", "2018-03-18", REG, None, "pro-regime media", "claimed")]),
 ("ar-36", EB, "2019-11-03", "تعرضت مدينة تل أبيض لقصف مدفعي تركي، يوم السبت، بحسب ما أفادت وكالة هاوار، في حين نفت أنقرة استهداف المدنيين.",
  [("Shelling/artillery/missile attack", "Tall Abyad", "Raqqa", "2019-11-02", TUR, None, "ANHA", "according to")]),
 ("ar-37", SOHR, "2017-01-10", "أعدم تنظيم الدولة الإسلامية ثلاثة مدنيين ذبحاً في مدينة الميادين بريف دير الزور الشرقي، أمس، بتهمة التعامل مع التحالف الدولي.",
  [("Attack", "Mayadin", "Deir ez-Zor", "2017-01-09", IS, 3, SOHR, "reported")]),
 ("ar-38", EB, "2018-04-29", "قالت مصادر محلية إن قوات النظام نفذت حملة دهم واعتقالات في بلدة يلدا جنوب دمشق، أمس، طالت عشرة شبان.",
  [("Arrests", "Yalda", "Rif Dimashq", "2018-04-28", REG, None, "local sources", "said")]),
 ("ar-39", SOHR, "2019-05-09", "شن الطيران الحربي الروسي غارات جوية على مدينة كفرزيتا وبلدة اللطامنة في ريف حماة الشمالي اليوم، ما أسفر عن مقتل مدنيين اثنين.",
  [("Air/drone strike", "Kafr Zita", "Hama", "2019-05-09", RUS, 2, SOHR, "reported"),
   ("Air/drone strike", "al-Lataminah", "Hama", "2019-05-09", RUS, None, SOHR, "reported")]),
 ("ar-40", EB, "2016-12-13", "أفادت مصادر أهلية بأن قوات النظام والميليشيات الموالية أعدمت ميدانياً عشرات المدنيين في أحياء حلب الشرقية، يوم الاثنين.",
  [("Attack", "Aleppo", "Aleppo", "2016-12-12", REG, 12, "local sources", "reported")]),
 ("ar-41", SOHR, "2018-08-10", "قتل 15 شخصاً في تفجير سيارة مفخخة بمدينة أريحا في ريف إدلب، مساء اليوم، ولم تتبنَّ أي جهة التفجير.",
  [("Remote explosive/landmine/IED", "Ariha", "Idlib", "2018-08-10", None, 15, SOHR, "reported")]),
 ("ar-42", EB, "2020-03-05", "أعلن الرئيسان الروسي والتركي في موسكو اليوم التوصل إلى اتفاق لوقف إطلاق النار في إدلب يبدأ منتصف الليل.",
  [("Agreement", "Idlib", "Idlib", "2020-03-05", None, None, EB, "announced")]),
 ("ar-43", SOHR, "2019-01-10", "سيطرت هيئة تحرير الشام على مدينة دارة عزة بريف حلب الغربي، اليوم الخميس، بعد اشتباكات مع حركة نور الدين الزنكي.",
  [("Non-state actor overtakes territory", "Dārat ‘Izzah", "Aleppo", "2019-01-10", HTS, None, SOHR, "reported")]),
 ("ar-44", EB, "2018-05-03", "قُتل ستة عناصر من الجيش الوطني السوري وأصيب آخرون بانفجار عبوة ناسفة بسيارتهم قرب مدينة جرابلس، يوم الأربعاء.",
  [("Remote explosive/landmine/IED", "Jarabulus", "Aleppo", "2018-05-02", None, 6, EB, "reported")]),
]

# ar-45 .. ar-54: added for issue #13's precision and relative-distance work, written BEFORE the
# rules that read them (context "بعد انسحاب"/"بموجب اتفاق"/"يقضي ب", threats, historical
# references, "X جنوب Y", "ريف <town>", "على بعد 10 كم من X", "جنوب X بنحو 15 كم").
NEW_DOCS = [
 ("ar-45", SOHR, "2019-08-24", "دخلت قوات النظام بلدة مورك في ريف حماة الشمالي، اليوم السبت، دون اشتباكات، بعد انسحاب فصائل المعارضة منها ومن قرى محيطة بها.",
  [("Non-violent transfer of territory", "Mūrak", "Hama", "2019-08-24", REG, None, SOHR, "reported")]),
 ("ar-46", EB, "2019-06-09", "هددت هيئة تحرير الشام بقصف مواقع قوات النظام في ريف حماة، في حين قصفت قوات النظام بالمدفعية الثقيلة بلدة كفرنبل جنوبي إدلب، اليوم الأحد.",
  [("Shelling/artillery/missile attack", "Kafr Nabl", "Idlib", "2019-06-09", REG, None, EB, "reported")]),
 ("ar-47", SOHR, "2021-04-11", "قُتل شاب برصاص قناص من قوات النظام في مدينة التل بريف دمشق، اليوم الأحد. ويأتي ذلك بعد تسع سنوات على مجزرة الحولة في ريف حمص عام 2012 التي راح ضحيتها أكثر من 100 مدني.",
  [("Attack", "At Tall", "Rif Dimashq", "2021-04-11", REG, 1, SOHR, "reported")]),
 ("ar-48", EB, "2019-05-26", "سيطرت قوات النظام على بلدة قلعة المضيق في ريف حماة الغربي، اليوم، بعد انسحاب فصائل المعارضة منها إثر قصف جوي ومدفعي مكثف استمر أسبوعاً.",
  [("Government regains territory", "Qal‘at al Maḑīq", "Hama", "2019-05-26", REG, None, EB, "reported")]),
 ("ar-49", "SANA", "2018-07-15", "خرجت اليوم الدفعة الأولى من المسلحين الرافضين للتسوية وعائلاتهم من مدينة نوى بريف درعا الغربي باتجاه الشمال السوري، بموجب اتفاق المصالحة الذي ينص على تسليم السلاح الثقيل.",
  [("Non-violent transfer of territory", "Nawa", "Daraa", "2018-07-15", None, None, "SANA", "reported")]),
 ("ar-50", EB, "2018-07-12", "توصلت اللجنة المركزية في مدينة طفس إلى اتفاق مع الجانب الروسي، يوم الأربعاء، يقضي بتسليم السلاح الثقيل والمتوسط وتهجير الرافضين للتسوية إلى الشمال السوري.",
  [("Agreement", "Tafas", "Daraa", "2018-07-11", None, None, EB, "reported")]),
 ("ar-51", SOHR, "2020-01-28", "انفجرت عبوة ناسفة بسيارة عسكرية على طريق يقع على بعد 10 كم من مدينة الميادين بريف دير الزور الشرقي، صباح اليوم، ما أدى إلى مقتل عنصرين من قوات النظام.",
  [("Remote explosive/landmine/IED", "Mayadin", "Deir ez-Zor", "2020-01-28", None, 2, SOHR, "reported")]),
 ("ar-52", EB, "2021-10-12", "قُتل ثلاثة عناصر من قوات سوريا الديمقراطية في اشتباكات مع خلايا تنظيم الدولة الإسلامية جنوب مدينة الشدادي بنحو 15 كم، مساء أمس.",
  [("Armed clash", "al-Shaddadi", "Al-Hasakah", "2021-10-11", SDF, 3, EB, "reported")]),
 ("ar-53", SOHR, "2019-12-24", "شنت طائرات حربية روسية غارات جوية على بلدات تلمنس ومعرشمارين والغدفة في ريف معرة النعمان الشرقي، اليوم، ما أسفر عن مقتل خمسة مدنيين.",
  [("Air/drone strike", "Maarat al-Numan", "Idlib", "2019-12-24", RUS, 5, SOHR, "reported")]),
 ("ar-54", EB, "2022-02-03", "ذكرت مصادر محلية أن قوات النظام تستعد لاقتحام بلدة جاسم في ريف درعا الشمالي، بعد رفض وجهائها تسليم المطلوبين، فيما داهمت دورية للأمن العسكري منازل في مدينة نوى أمس واعتقلت شابين.",
  [("Arrests", "Nawa", "Daraa", "2022-02-02", None, None, "local sources", "reported")]),
]
DOCS += NEW_DOCS


def main() -> None:
    out = Path(__file__).with_name("arabic_gold.jsonl")
    with out.open("w", encoding="utf-8") as handle:
        for doc_id, outlet, published, text, events in DOCS:
            gold = [dict(zip(("sub_event_type", "place", "admin1", "date", "actor1",
                              "fatalities", "source", "cue"), event, strict=True))
                    for event in events]
            handle.write(json.dumps({"id": doc_id, "outlet": outlet, "published": published,
                                     "language": "ar", "text": text, "arabic_events": gold},
                                    ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
