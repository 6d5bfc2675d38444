# المدفوعات: الأسعار وStripe Checkout والاسترداد ورسوم عدم الحضور.

pay-status-awaiting = بانتظار الدفع
pay-status-expired = انتهت مهلة الدفع
pay-page-awaiting = بانتظار دفعتك
pay-page-awaiting-lead = وقتك محجوز لك أثناء الدفع. بمجرد وصول الدفعة يُؤكَّد الحجز وتصلك رسالة بالبريد الإلكتروني.
pay-page-expired = لم تصل الدفعة في الوقت المحدد
pay-page-expired-lead = أصبح الوقت متاحًا من جديد. يمكنك الحجز مرة أخرى.
pay-email-refunded = استرداد
pay-email-attendee-refunded = يُعاد إليك { $amount } من دفعتك مقابل { $title }. وحسب مصرفك، يظهر المبلغ في كشف حسابك خلال 5 إلى 10 أيام.
pay-email-late-payment = وصلت دفعتك بعد انتهاء الوقت المحجوز لك، وكان شخص آخر قد حجز هذا الوقت في الأثناء، لذلك رُدّت إليك دفعتك كاملة. يسعدنا أن تحجز وقتًا آخر.
pay-page-payment = الدفع
pay-page-pay-now = ادفع الآن
pay-page-could-not-start = تعذّر فتح صفحة الدفع، لذلك أصبح الوقت متاحًا من جديد. يُرجى محاولة الحجز مرة أخرى بعد بضع دقائق.
pay-page-paid-notice = شكرًا لك. يعمل Stripe على تأكيد دفعتك، وستعرضها هذه الصفحة فور وصولها.
pay-line-awaiting = { $amount }، لم يُدفع بعد
pay-line-card-awaiting = رسوم عدم حضور قدرها { $amount }: لم تُقدَّم بطاقة بعد
pay-line-paid = { $amount }، مدفوع
pay-line-partly-refunded = { $amount }، مدفوع؛ واستُرد منه { $refunded }
pay-line-card-saved = البطاقة محفوظة لرسوم عدم حضور قدرها { $amount }؛ لم يُخصم أي مبلغ
pay-line-refunded = { $amount }، مُسترد
pay-line-no-show-charged = رسوم عدم حضور قدرها { $amount }، خُصمت
pay-line-expired = { $amount }، لم يُدفع في الوقت المحدد
pay-line-failed = { $amount }، تعذّر إتمام الدفع
pay-not-set-up = هذا النوع من المواعيد مدفوع، ولم يُعدّ الدفع بعد. يُرجى التواصل مع المضيف.
pay-email-paid = مدفوع: { $amount }. يرسل إليك Stripe الإيصال.
pay-email-card-kept = بطاقتك محفوظة لرسوم عدم حضور قدرها { $amount }؛ ولا يُخصم منها شيء إلا إذا فاتك الموعد دون إلغائه.

## لوحة التحكم وصفحة الحجز

pay-admin-intro = تتلقى أنواع المواعيد ذات السعر المدفوعات عبر Stripe Checkout، وهي صفحة الدفع الخاصة بـ Stripe. وما لم يُعدّ Stripe هنا، لا تقبل أنواع المواعيد ذات السعر أي حجوزات.
pay-admin-test-mode = وضع الاختبار
pay-admin-live-mode = الوضع الفعلي
pay-admin-test-mode-hint = المفتاح المحفوظ مفتاح اختبار: لا يقبل Stripe إلا بطاقات الاختبار الخاصة به، ولا تنتقل أي أموال.
pay-admin-live-mode-hint = المفتاح المحفوظ مفتاح فعلي: تُخصم المبالغ من بطاقات حقيقية.
pay-admin-secret-key = المفتاح السري
pay-admin-secret-key-hint = من لوحة تحكم Stripe، ضمن «مفاتيح API»: مفتاح سري (sk_test_… للتجربة، وsk_live_… لتلقي مدفوعات حقيقية) أو مفتاح مقيَّد.
pay-admin-webhook-secret = سر توقيع الـ Webhook
pay-admin-webhook-secret-hint = سر التوقيع لنقطة النهاية التي تضيفها في Stripe (انظر أدناه). يبدأ بـ whsec_.
pay-admin-hold = مدة حجز الوقت أثناء الدفع (بالدقائق)
pay-admin-hold-hint = المدة التي يحتفظ فيها الحجز المنتظر لدفعته بوقته: من 5 إلى 1440 دقيقة.
pay-admin-remove = إزالة Stripe: لن تقبل أنواع المواعيد ذات السعر أي حجوزات حتى يُعدّ من جديد
pay-admin-save = حفظ Stripe
pay-admin-check = التحقق من الاتصال
pay-admin-at-stripe = في Stripe
pay-admin-step-endpoint = في لوحة تحكم Stripe، افتح { $webhooks } وأضف نقطة نهاية بهذا الرابط:
pay-admin-webhook-url = رابط نقطة نهاية الـ Webhook
pay-admin-step-events = اختر الحدثين { $completed } و{ $expired }.
pay-admin-step-secret = اكشف { $secret } الخاص بنقطة النهاية والصقه أعلاه.
pay-admin-leaves = ما يغادر هذا الجهاز: لكل حجز مدفوع يُرسَل إلى Stripe البريد الإلكتروني للمدعو وعنوان نوع الموعد والسعر ومرجع الحجز. أما بيانات البطاقة فتُكتب في صفحة Stripe ولا تصل إلى Kairos أبدًا.
pay-admin-check-ok = تم الاتصال: المفتاح تابع لحساب Stripe { $account }.
pay-admin-check-refused = رفض Stripe المفتاح: { $reason } (HTTP { $status }).
pay-admin-check-unreachable = تعذّر الوصول إلى Stripe: { $reason }.
pay-admin-check-not-set-up = لم يُعدّ Stripe بعد: احفظ مفتاحًا سريًا أولًا.
pay-admin-error-secret-key = يجب أن يكون مفتاحًا سريًا من Stripe (sk_test_… أو sk_live_…) أو مفتاحًا مقيَّدًا (rk_…)
pay-admin-error-webhook-secret = يجب أن يكون سر التوقيع لنقطة النهاية، وهو يبدأ بـ whsec_
pay-admin-error-hold = يجب أن يكون عددًا صحيحًا من الدقائق بين { $min } و{ $max }
pay-flash-stripe-removed = أُزيل Stripe. لن تقبل أنواع المواعيد ذات السعر أي حجوزات حتى يُعدّ من جديد.

pay-et-section = الدفع
pay-et-intro = اترك السعر فارغًا لنوع موعد مجاني. يدفع المدعوون في صفحة Stripe الآمنة عند الحجز، ولا تصل بيانات البطاقة إلى Kairos أبدًا.
pay-et-not-set-up = لم يُعدّ الدفع على Kairos هذا بعد. يمكنك حفظ سعر الآن، لكن نوع الموعد هذا لن يقبل أي حجوزات حتى يُعدّ أحد المسؤولين Stripe.
pay-et-set-up-link = إعداد Stripe
pay-et-price = السعر
pay-et-price-hint = بالوحدة الرئيسية للعملة، مثل 49.90. فارغ: مجاني.
pay-et-currency = العملة
pay-et-currency-hint = رمزها المكوَّن من ثلاثة أحرف، مثل EUR أو USD أو SAR.
pay-et-mode = متى يدفع المدعو
pay-et-mode-pay-now = عند الحجز: يُؤكَّد الحجز بعد الدفع
pay-et-mode-no-show = عند عدم الحضور فقط: تُحفظ البطاقة ولا يُخصم منها شيء إلا إذا لم يحضر المدعو
pay-et-refunds = الاسترداد عند إلغاء المدعو
pay-et-refund-hours = عدد الساعات قبل البدء للاسترداد الكامل
pay-et-refund-hours-hint = يُسترد المبلغ كاملًا عند الإلغاء قبل البدء بهذا العدد من الساعات على الأقل. 0: أي إلغاء قبل البدء.
pay-et-late-percent = نسبة الاسترداد عند الإلغاء المتأخر (٪)
pay-et-late-percent-hint = من 0 (لا شيء) إلى 100 (المبلغ كله). عندما يلغي المضيف، يُسترد المبلغ كله.
pay-et-no-show-badge = رسوم عدم الحضور { $amount }
pay-et-error-amount = يجب أن يكون مبلغًا مثل 50 أو 49.90
pay-et-error-decimals =
    { $decimals ->
        [0] يجب أن يكون مبلغًا صحيحًا بعملة { $currency }
        [one] يجب ألا يتجاوز منزلة عشرية واحدة بعملة { $currency }
        [two] يجب ألا يتجاوز منزلتين عشريتين بعملة { $currency }
        [few] يجب ألا يتجاوز { $decimals } منازل عشرية بعملة { $currency }
        [many] يجب ألا يتجاوز { $decimals } منزلة عشرية بعملة { $currency }
       *[other] يجب ألا يتجاوز { $decimals } منزلة عشرية بعملة { $currency }
    }
pay-et-error-too-large = يجب ألا يتجاوز { $max }
pay-et-error-positive = يجب أن يكون أكبر من صفر
pay-et-error-step = يجب أن يكون من مضاعفات { $step }
pay-et-error-currency = يجب أن يكون رمز عملة مثل EUR أو USD أو SAR

pay-bk-title = الدفع
pay-bk-amount = السعر
pay-bk-mode = النوع
pay-bk-mode-pay-now = مدفوع عند الحجز
pay-bk-mode-no-show = رسوم عدم الحضور، والبطاقة محفوظة
pay-bk-held-until = الوقت محجوز حتى
pay-bk-charged = المبلغ المخصوم
pay-bk-refunded = المبلغ المسترد
pay-bk-policy = سياسة الاسترداد
pay-bk-policy-always = استرداد كامل عند أي إلغاء قبل البدء
pay-bk-policy-hours =
    { $hours ->
        [zero] استرداد كامل حتى { $hours } ساعة قبل البدء؛ وبعد ذلك { $percent }٪
        [one] استرداد كامل حتى ساعة واحدة قبل البدء؛ وبعد ذلك { $percent }٪
        [two] استرداد كامل حتى ساعتين قبل البدء؛ وبعد ذلك { $percent }٪
        [few] استرداد كامل حتى { $hours } ساعات قبل البدء؛ وبعد ذلك { $percent }٪
        [many] استرداد كامل حتى { $hours } ساعة قبل البدء؛ وبعد ذلك { $percent }٪
       *[other] استرداد كامل حتى { $hours } ساعة قبل البدء؛ وبعد ذلك { $percent }٪
    }
pay-bk-status-paid = مدفوع
pay-bk-status-partly-refunded = مُسترد جزئيًا
pay-bk-status-card-saved = البطاقة محفوظة
pay-bk-status-refunded = مُسترد
pay-bk-status-no-show-charged = خُصمت رسوم عدم الحضور
pay-bk-status-failed = فشل الدفع
pay-bk-refunds = المبالغ المستردة
pay-bk-refund-pending = أُرسل إلى Stripe
pay-bk-refund-succeeded = مُسترد
pay-bk-refund-failed = فشل
pay-bk-reason-host = بواسطة مضيف
pay-bk-reason-cancelled = إلغاء
pay-bk-reason-late-payment = دُفع متأخرًا
pay-bk-refund = استرداد
pay-bk-refund-amount = المبلغ المراد استرداده
pay-bk-refund-hint = حتى { $max }. يعيده Stripe إلى بطاقة المدعو.
pay-bk-refund-button = استرداد
pay-bk-refund-confirm = هل تريد رد هذا المبلغ إلى المدعو؟ لا يمكن التراجع عن ذلك.
pay-bk-refund-error = يجب أن يكون مبلغًا من { $min } إلى { $max }
pay-bk-nothing-to-refund = لم يتبقَّ من هذه الدفعة شيء لاسترداده.
pay-flash-refund-planned = الاسترداد في طريقه إلى Stripe. سيظهر على أنه مُسترد بمجرد أن يؤكده Stripe.
pay-bk-no-show = لم يحضر
pay-bk-no-show-text = يسجّل أن المدعو لم يحضر.
pay-bk-no-show-fee = تسجيل عدم حضور المدعو يخصم { $amount } من البطاقة المحفوظة.
pay-bk-no-show-button = تسجيل عدم الحضور
pay-bk-no-show-confirm = هل تريد تسجيل أن المدعو لم يحضر؟
pay-bk-no-show-marked = سُجّل أن المدعو لم يحضر.
pay-flash-no-show = سُجّل أن المدعو لم يحضر.

pay-booker-price-no-show = رسوم عدم الحضور: { $amount }
pay-booker-pay-now =
    { $minutes ->
        [zero] بعد الإرسال، تدفع { $amount } في صفحة الدفع الآمنة لدى Stripe. ويبقى وقتك محجوزًا لك خلال ذلك لمدة { $minutes } دقيقة.
        [one] بعد الإرسال، تدفع { $amount } في صفحة الدفع الآمنة لدى Stripe. ويبقى وقتك محجوزًا لك خلال ذلك لمدة دقيقة واحدة.
        [two] بعد الإرسال، تدفع { $amount } في صفحة الدفع الآمنة لدى Stripe. ويبقى وقتك محجوزًا لك خلال ذلك لمدة دقيقتين.
        [few] بعد الإرسال، تدفع { $amount } في صفحة الدفع الآمنة لدى Stripe. ويبقى وقتك محجوزًا لك خلال ذلك لمدة { $minutes } دقائق.
        [many] بعد الإرسال، تدفع { $amount } في صفحة الدفع الآمنة لدى Stripe. ويبقى وقتك محجوزًا لك خلال ذلك لمدة { $minutes } دقيقة.
       *[other] بعد الإرسال، تدفع { $amount } في صفحة الدفع الآمنة لدى Stripe. ويبقى وقتك محجوزًا لك خلال ذلك لمدة { $minutes } دقيقة.
    }
pay-booker-no-show =
    { $minutes ->
        [zero] بعد الإرسال، تُدخل بطاقة في صفحة Stripe الآمنة. لن يُخصم شيء الآن: لن يُخصم { $amount } من البطاقة إلا إذا لم تحضر. ويبقى وقتك محجوزًا لك خلال ذلك لمدة { $minutes } دقيقة.
        [one] بعد الإرسال، تُدخل بطاقة في صفحة Stripe الآمنة. لن يُخصم شيء الآن: لن يُخصم { $amount } من البطاقة إلا إذا لم تحضر. ويبقى وقتك محجوزًا لك خلال ذلك لمدة دقيقة واحدة.
        [two] بعد الإرسال، تُدخل بطاقة في صفحة Stripe الآمنة. لن يُخصم شيء الآن: لن يُخصم { $amount } من البطاقة إلا إذا لم تحضر. ويبقى وقتك محجوزًا لك خلال ذلك لمدة دقيقتين.
        [few] بعد الإرسال، تُدخل بطاقة في صفحة Stripe الآمنة. لن يُخصم شيء الآن: لن يُخصم { $amount } من البطاقة إلا إذا لم تحضر. ويبقى وقتك محجوزًا لك خلال ذلك لمدة { $minutes } دقائق.
        [many] بعد الإرسال، تُدخل بطاقة في صفحة Stripe الآمنة. لن يُخصم شيء الآن: لن يُخصم { $amount } من البطاقة إلا إذا لم تحضر. ويبقى وقتك محجوزًا لك خلال ذلك لمدة { $minutes } دقيقة.
       *[other] بعد الإرسال، تُدخل بطاقة في صفحة Stripe الآمنة. لن يُخصم شيء الآن: لن يُخصم { $amount } من البطاقة إلا إذا لم تحضر. ويبقى وقتك محجوزًا لك خلال ذلك لمدة { $minutes } دقيقة.
    }
pay-booker-refund-always = إذا ألغيت قبل البدء، يُرد إليك المبلغ كاملًا.
pay-booker-refund-none-late =
    { $hours ->
        [zero] إذا ألغيت قبل البدء بـ { $hours } ساعة على الأقل، يُرد إليك المبلغ كاملًا؛ ولا يُرد شيء عند الإلغاء بعد ذلك.
        [one] إذا ألغيت قبل البدء بساعة واحدة على الأقل، يُرد إليك المبلغ كاملًا؛ ولا يُرد شيء عند الإلغاء بعد ذلك.
        [two] إذا ألغيت قبل البدء بساعتين على الأقل، يُرد إليك المبلغ كاملًا؛ ولا يُرد شيء عند الإلغاء بعد ذلك.
        [few] إذا ألغيت قبل البدء بـ { $hours } ساعات على الأقل، يُرد إليك المبلغ كاملًا؛ ولا يُرد شيء عند الإلغاء بعد ذلك.
        [many] إذا ألغيت قبل البدء بـ { $hours } ساعة على الأقل، يُرد إليك المبلغ كاملًا؛ ولا يُرد شيء عند الإلغاء بعد ذلك.
       *[other] إذا ألغيت قبل البدء بـ { $hours } ساعة على الأقل، يُرد إليك المبلغ كاملًا؛ ولا يُرد شيء عند الإلغاء بعد ذلك.
    }
pay-booker-refund-part-late =
    { $hours ->
        [zero] إذا ألغيت قبل البدء بـ { $hours } ساعة على الأقل، يُرد إليك المبلغ كاملًا؛ وبعد ذلك يُرد { $percent }٪.
        [one] إذا ألغيت قبل البدء بساعة واحدة على الأقل، يُرد إليك المبلغ كاملًا؛ وبعد ذلك يُرد { $percent }٪.
        [two] إذا ألغيت قبل البدء بساعتين على الأقل، يُرد إليك المبلغ كاملًا؛ وبعد ذلك يُرد { $percent }٪.
        [few] إذا ألغيت قبل البدء بـ { $hours } ساعات على الأقل، يُرد إليك المبلغ كاملًا؛ وبعد ذلك يُرد { $percent }٪.
        [many] إذا ألغيت قبل البدء بـ { $hours } ساعة على الأقل، يُرد إليك المبلغ كاملًا؛ وبعد ذلك يُرد { $percent }٪.
       *[other] إذا ألغيت قبل البدء بـ { $hours } ساعة على الأقل، يُرد إليك المبلغ كاملًا؛ وبعد ذلك يُرد { $percent }٪.
    }
pay-booker-continue = المتابعة إلى الدفع

# Why a payment setting, price, refund or no-show was refused.
pay-error-not-set-up = نوع الموعد هذا مدفوع، ولم يُعدّ الدفع بعد
pay-error-no-show-confirmed-only = لا يمكن وضع علامة عدم الحضور إلا على حجز مؤكَّد
pay-error-no-show-not-started = لا يمكن وضع علامة عدم الحضور إلا بعد بدء الموعد
pay-error-no-show-marked = سبق وضع علامة عدم الحضور على هذا المدعو
pay-error-refund-hours = يجب ألا يتجاوز 8760 ساعة (سنة)
pay-error-percent = يجب أن يكون عددًا صحيحًا من 0 إلى 100
pay-error-secret-key = يجب أن يكون مفتاحًا سريًا من Stripe ‏(sk_test_…، sk_live_…) أو مفتاحًا مقيَّدًا (rk_…)
pay-error-webhook-secret = يجب أن يكون سر التوقيع الخاص بنقطة النهاية، ويبدأ بـ whsec_
pay-error-hold-minutes = يجب أن يكون عددًا صحيحًا من الدقائق بين 5 و1440
pay-page-paid-thanks = شكرًا لك: وصلت دفعتك.
