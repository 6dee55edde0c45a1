package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void stringsAreEscaped() {
        String nasty = "q\" b\\ n\n r\r t\t bs\b ff\f nul\u0000 us\u001f ls\u2028 ok\u00e9\uD83D\uDE00";
        String json = new Json().value(nasty).toString();
        assertEquals("\"q\\\" b\\\\ n\\n r\\r t\\t bs\\b ff\\f nul\\u0000 us\\u001f ls\\u2028 ok\u00e9\uD83D\uDE00\"",
                json);
        assertEquals(nasty, MiniJson.parse(json));
    }

    @Test
    void loneSurrogatesAreEscapedSoTheFileStaysValidUtf8() {
        assertEquals("\"a\\ud800b\\udc00\"", new Json().value("a\uD800b\uDC00").toString());
    }

    @Test
    void commasArePlacedBetweenMembersAndElements() {
        Json json = new Json().beginObject()
                .name("a").value(1)
                .name("b").beginArray().value("x").nullValue().value(true).beginObject().endObject().endArray()
                .name("c").stringArray(List.of())
                .name("d").value((String) null)
                .endObject();
        assertEquals("{\"a\":1,\"b\":[\"x\",null,true,{}],\"c\":[],\"d\":null}", json.toString());
        Map<String, Object> parsed = MiniJson.object(MiniJson.parse(json.toString()));
        assertEquals(4, parsed.size());
    }

    @Test
    void deepNestingGrowsTheStack() {
        Json json = new Json();
        for (int i = 0; i < 40; i++) {
            json.beginArray().value(i);
        }
        for (int i = 0; i < 40; i++) {
            json.endArray();
        }
        Object parsed = MiniJson.parse(json.toString());
        assertEquals(0L, MiniJson.array(parsed).get(0));
    }
}
