error-required = مطلوب
error-taken = مستخدم بالفعل؛ اختر غيره
error-one-line = يجب أن يكون سطرًا واحدًا بلا أحرف تحكم
error-whole-number = يجب أن يكون عددًا صحيحًا
error-text = يجب أن يكون نصًا
error-true-or-false = يجب أن يكون صحيحًا أو خطأ
error-password-mismatch = لا يطابق كلمة المرور
error-email = يجب أن يكون عنوان بريد إلكتروني مثل name@example.org
error-time-zone = يجب أن يكون منطقة زمنية من IANA مثل Asia/Riyadh أو America/New_York
error-at-most-characters = يجب ألا يتجاوز { $max } حرفًا
error-characters-between = يجب أن يكون من { $min } إلى { $max } حرفًا
error-between = يجب أن يكون بين { $min } و{ $max }
error-on-one-line = يجب أن يكون في سطر واحد
error-characters-long = يجب أن يكون طوله من { $min } إلى { $max } حرفًا

error-date = يجب أن يكون تاريخًا مثل 2026-03-30 (YYYY-MM-DD)
error-year = يجب أن يقع بين عامي { $min } و{ $max }
error-instant = يجب أن يكون لحظة زمنية بصيغة RFC 3339 مثل 2026-03-30T09:00:00Z
error-whole-second = يجب أن يكون ثانية كاملة (لا يحتفظ Kairos بأجزاء الثانية)

error-at-most = يجب ألا يتجاوز { $max }
error-number = يجب أن يكون رقمًا
error-phone = يجب أن يكون رقم هاتف مثل ‎+966 11 123 4567
error-international-phone = يجب أن يكون رقم هاتف بالصيغة الدولية مثل ‎+966111234567
error-one-of = يجب أن يكون إحدى هذه القيم: { $choices }
error-language = يجب أن يكون أحد الرموز en أو de أو fr أو es أو pt-BR أو nl أو ar
error-slug = لا يحتوي إلا على أحرف لاتينية صغيرة وأرقام و-، ويجب ألا يبدأ بـ-
error-member-or-admin = يجب أن يكون عضوًا أو مسؤولًا
error-json-object = يجب أن يكون كائن JSON
error-invalid-link = رابط غير صالح

error-password-short = { $min ->
        [one] يجب ألا يقل طولها عن حرف واحد
        [two] يجب ألا يقل طولها عن حرفين
        [few] يجب ألا يقل طولها عن { $min } أحرف
        [many] يجب ألا يقل طولها عن { $min } حرفًا
       *[other] يجب ألا يقل طولها عن { $min } حرف
    }
error-password-long = { $max ->
        [one] يجب ألا يزيد طولها على بايت واحد
        [two] يجب ألا يزيد طولها على بايتين
        [few] يجب ألا يزيد طولها على { $max } بايتات
        [many] يجب ألا يزيد طولها على { $max } بايتًا
       *[other] يجب ألا يزيد طولها على { $max } بايت
    }
error-password-one-character = يجب ألا تتكون من حرف واحد مكرر
error-password-common = مدرجة في قائمة كلمات المرور الشائعة؛ اختر غيرها

outbound-invalid-url = ليس رابطًا صالحًا
outbound-scheme = يجب أن يبدأ بـ http:// أو https:// (وليس { $scheme }://)
outbound-credentials = يجب ألا يحتوي على اسم مستخدم أو كلمة مرور
outbound-no-host = لا يحتوي على اسم خادم
outbound-unresolved = يحتوي على اسم خادم، { $host }، تعذّر العثور على عنوانه: { $error }
outbound-refusal = { $refusal ->
        [loopback] عنوان استرجاع ذاتي
        [unspecified] عنوان غير محدد
        [link-local] عنوان محلي للرابط
        [cloud-metadata] عنوان بيانات سحابية وصفية
        [multicast] عنوان بث متعدد
        [broadcast] عنوان البث العام
        [documentation] عنوان محجوز للتوثيق
        [benchmarking] عنوان محجوز لاختبارات الأداء
        [private] عنوان في شبكة خاصة (يمكن للمسؤول السماح بها في إعدادات النسخة)
        [wrapped] { $wrapper ->
            [ipv4-compatible] عنوان متوافق مع IPv4 يحتوي على { $ipv4 }
            [ipv4-translated] عنوان مترجم من IPv4 يحتوي على { $ipv4 }
            [six-to-four] عنوان 6to4 يحتوي على { $ipv4 }
           *[teredo] عنوان Teredo يحتوي على { $ipv4 }
        }
       *[reserved] عنوان محجوز
    }
outbound-refused = يشير إلى { $target }، وهو { outbound-refusal }؛ لا يرسل Kairos إلى هناك

error-too-many-dates = { $max ->
        [one] يجب ألا يتضمن أكثر من تاريخ واحد
        [two] يجب ألا يتضمن أكثر من تاريخين
        [few] يجب ألا يتضمن أكثر من { $max } تواريخ
        [many] يجب ألا يتضمن أكثر من { $max } تاريخًا
       *[other] يجب ألا يتضمن أكثر من { $max } تاريخ
    }
error-after-start = يجب أن يكون بعد البداية
error-within-a-year = يجب أن يكون خلال سنة من البداية
error-range-days = { $max ->
        [one] لا يجوز أن تتجاوز الفترة يومًا واحدًا
        [two] لا يجوز أن تتجاوز الفترة يومين
        [few] لا يجوز أن تتجاوز الفترة { $max } أيام
        [many] لا يجوز أن تتجاوز الفترة { $max } يومًا
       *[other] لا يجوز أن تتجاوز الفترة { $max } يوم
    }

# الحسابات والإعداد الأول وإعدادات النسخة.

error-first-day = يجب أن يكون الاثنين أو الأحد أو السبت
error-time-format = يجب أن يكون 12 أو 24
error-current-password = ليست كلمة مرورك الحالية
error-new-password-mismatch = لا تطابق كلمة المرور الجديدة
error-email-registered = ينتمي بالفعل إلى حساب
error-setup-time-zone = يجب أن تكون منطقة زمنية من IANA مثل Europe/Berlin
error-installation = يجب أن يكون مشتركًا أو مكتبًا أو شخصيًا
error-signup-mode = يجب أن يكون مغلقًا أو بالدعوة
error-require-mfa = يجب أن يكون معطّلًا أو للمسؤولين أو للجميع
error-too-many-sites = { $max ->
        [one] يجب ألا تتضمن القائمة أكثر من موقع واحد
        [two] يجب ألا تتضمن القائمة أكثر من موقعين
        [few] يجب ألا تتضمن القائمة أكثر من { $max } مواقع
        [many] يجب ألا تتضمن القائمة أكثر من { $max } موقعًا
       *[other] يجب ألا تتضمن القائمة أكثر من { $max } موقع
    }
error-origin-scheme = يجب أن يبدأ { $origin } بـ https:// أو http://
error-origin = { $origin } ليس أصلًا مثل https://www.example.org (دون مسار)
error-retention-years = يجب أن يكون عددًا صحيحًا من السنوات من { $min } إلى { $max }
error-hourly-cap = يجب أن يكون عددًا صحيحًا من 0 (دون حد) إلى { $max }
error-idle-minutes = يجب أن يكون إحدى هذه القيم بالدقائق: { $choices }

# تطبيق تسجيل الدخول الخاص بالمسؤول (Google وMicrosoft وZoom).

error-app-credential = { $max ->
        [one] يجب أن يكون كلمة واحدة من حرف واحد على الأكثر، كما يعرضها المزوّد
        [two] يجب أن يكون كلمة واحدة من حرفين على الأكثر، كما يعرضها المزوّد
        [few] يجب أن يكون كلمة واحدة من { $max } أحرف على الأكثر، كما يعرضها المزوّد
        [many] يجب أن يكون كلمة واحدة من { $max } حرفًا على الأكثر، كما يعرضها المزوّد
       *[other] يجب أن يكون كلمة واحدة من { $max } حرف على الأكثر، كما يعرضها المزوّد
    }
error-tenant = يجب أن يكون معرّف الدليل (المستأجر) أو نطاقًا مثل contoso.onmicrosoft.com أو common
error-username-characters = يجب أن يحتوي فقط على أحرف لاتينية صغيرة وأرقام و- و_، وأن يبدأ بحرف أو رقم
error-username-reserved = محجوز؛ اختر اسمًا آخر
error-language-any = يجب أن يكون أحد الرموز en أو de أو fr أو es أو pt-BR أو nl أو ar أو en-XA
